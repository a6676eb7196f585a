package dev.herald.ingest.report;

import dev.herald.events.HeraldEvents;
import dev.herald.support.consumer.EventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Follows moderation's decisions so a unit can see what became of its report. */
@Configuration(proxyBeanMethods = false)
class ModerationOutcomeEventProcessor {

    @Bean
    Consumer<Message<byte[]>> articlePublished(EventHandlers handlers, ReportService reports) {
        return handlers.once("ingest.article-published", HeraldEvents.ARTICLE_PUBLISHED,
                event -> reports.recordOutcome(event.articleId(), ReportStatus.PUBLISHED, null, event.publishedAt()));
    }

    @Bean
    Consumer<Message<byte[]>> articleRejected(EventHandlers handlers, ReportService reports) {
        return handlers.once("ingest.article-rejected", HeraldEvents.ARTICLE_REJECTED,
                event -> {
                    if (event.correction()) {
                        reports.recordCorrectionRefused(event.articleId(), event.reason(), event.when());
                    } else {
                        reports.recordOutcome(event.articleId(), ReportStatus.REJECTED, event.reason(), event.when());
                    }
                });
    }

    @Bean
    Consumer<Message<byte[]>> articleChangesRequested(EventHandlers handlers, ReportService reports) {
        return handlers.once("ingest.article-changes-requested", HeraldEvents.ARTICLE_CHANGES_REQUESTED,
                event -> reports.recordChangesRequested(event.articleId(), event.revision(), event.message(), event.when()));
    }

    @Bean
    Consumer<Message<byte[]>> articleRetracted(EventHandlers handlers, ReportService reports) {
        return handlers.once("ingest.article-retracted", HeraldEvents.ARTICLE_RETRACTED,
                event -> reports.recordOutcome(event.articleId(), ReportStatus.RETRACTED, event.reason(), event.when()));
    }
}
