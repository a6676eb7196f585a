package dev.herald.search.fulltext;

import dev.herald.events.ArticlePublished;
import dev.herald.events.HeraldEvents;
import dev.herald.support.consumer.IdempotentConsumer;
import dev.herald.support.events.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Makes every article moderation publishes searchable. */
@Configuration(proxyBeanMethods = false)
class ArticlePublishedEventProcessor {

    @Bean
    Consumer<Message<byte[]>> articlePublished(EventCodec codec, IdempotentConsumer once, PublishedArticles articles) {
        return message -> {
            ArticlePublished event = codec.decode(message.getPayload(), HeraldEvents.ARTICLE_PUBLISHED);
            once.handleOnce("search.article-published", event, () -> articles.accept(event));
        };
    }
}
