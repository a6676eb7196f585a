package dev.herald.moderation.review;

import dev.herald.events.HeraldEvents;
import dev.herald.support.consumer.EventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Every submitted article becomes a pending review. */
@Configuration(proxyBeanMethods = false)
class ArticleSubmittedEventProcessor {

    @Bean
    Consumer<Message<byte[]>> articleSubmitted(EventHandlers handlers, ReviewService reviews) {
        return handlers.once("moderation.article-submitted", HeraldEvents.ARTICLE_SUBMITTED, reviews::open);
    }
}
