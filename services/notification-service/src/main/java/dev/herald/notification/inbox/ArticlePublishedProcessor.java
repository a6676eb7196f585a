package dev.herald.notification.inbox;

import dev.herald.events.ArticlePublished;
import dev.herald.events.HeraldEvents;
import dev.herald.support.consumer.IdempotentConsumer;
import dev.herald.support.events.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Every published article is checked against the subscriptions. */
@Configuration(proxyBeanMethods = false)
class ArticlePublishedProcessor {

    @Bean
    Consumer<Message<byte[]>> articlePublished(EventCodec codec, IdempotentConsumer once, Notifier notifier) {
        return message -> {
            ArticlePublished event = codec.decode(message.getPayload(), HeraldEvents.ARTICLE_PUBLISHED);
            once.handleOnce("notification.article-published", event, () -> notifier.notifySubscribers(event));
        };
    }
}
