package dev.herald.notification.inbox;

import dev.herald.events.HeraldEvents;
import dev.herald.support.consumer.EventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Every published article is checked against the subscriptions. */
@Configuration(proxyBeanMethods = false)
class ArticlePublishedProcessor {

    @Bean
    Consumer<Message<byte[]>> articlePublished(EventHandlers handlers, Notifier notifier) {
        return handlers.once("notification.article-published", HeraldEvents.ARTICLE_PUBLISHED, notifier::notifySubscribers);
    }
}
