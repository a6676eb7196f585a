package dev.herald.ingest.report;

import dev.herald.events.ArticlePublished;
import dev.herald.events.ArticleRejected;
import dev.herald.events.HeraldEvents;
import dev.herald.support.consumer.IdempotentConsumer;
import dev.herald.support.events.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Follows moderation's decisions so a unit can see what became of its report. */
@Configuration(proxyBeanMethods = false)
class ModerationOutcomeEventProcessor {

    @Bean
    Consumer<Message<byte[]>> articlePublished(EventCodec codec, IdempotentConsumer once, ReportService reports) {
        return message -> {
            ArticlePublished event = codec.decode(message.getPayload(), HeraldEvents.ARTICLE_PUBLISHED);
            once.handleOnce("ingest.article-published", event,
                    () -> reports.recordOutcome(event.articleId(), ReportStatus.PUBLISHED, null, event.publishedAt()));
        };
    }

    @Bean
    Consumer<Message<byte[]>> articleRejected(EventCodec codec, IdempotentConsumer once, ReportService reports) {
        return message -> {
            ArticleRejected event = codec.decode(message.getPayload(), HeraldEvents.ARTICLE_REJECTED);
            once.handleOnce("ingest.article-rejected", event,
                    () -> reports.recordOutcome(event.articleId(), ReportStatus.REJECTED, event.reason(), event.when()));
        };
    }
}
