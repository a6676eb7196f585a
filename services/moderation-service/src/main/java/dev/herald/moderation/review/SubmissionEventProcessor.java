package dev.herald.moderation.review;

import dev.herald.events.ArticleSubmitted;
import dev.herald.events.HeraldEvents;
import dev.herald.support.consumer.IdempotentConsumer;
import dev.herald.support.events.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Every submitted article becomes a pending review. */
@Configuration(proxyBeanMethods = false)
class SubmissionEventProcessor {

    @Bean
    Consumer<Message<byte[]>> articleSubmitted(EventCodec codec, IdempotentConsumer once, ReviewService reviews) {
        return message -> {
            ArticleSubmitted event = codec.decode(message.getPayload(), HeraldEvents.ARTICLE_SUBMITTED);
            once.handleOnce("moderation.article-submitted", event, () -> reviews.open(event));
        };
    }
}
