package dev.herald.search.index;

import dev.herald.events.HeraldEvents;
import dev.herald.support.consumer.EventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * Makes every article moderation publishes searchable, and every one it retracts unfindable. Each
 * instance handles every event for its own index, so it records what it processed under its own name.
 */
@Configuration(proxyBeanMethods = false)
class ArticlePublishedEventProcessor {

    @Bean
    Consumer<Message<byte[]>> articlePublished(EventHandlers handlers, PublishedArticles articles, SearchInstance instance) {
        return handlers.once(instance.consumer("article-published"), HeraldEvents.ARTICLE_PUBLISHED, articles::accept);
    }

    @Bean
    Consumer<Message<byte[]>> articleRetracted(EventHandlers handlers, PublishedArticles articles, SearchInstance instance) {
        return handlers.once(instance.consumer("article-retracted"), HeraldEvents.ARTICLE_RETRACTED, articles::retract);
    }
}
