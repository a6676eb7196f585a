package dev.herald.notification.inbox;

import dev.herald.events.HeraldEvents;
import dev.herald.support.consumer.EventHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * Every published article is checked against the subscriptions and told to its unit; rejections and
 * requests for changes are told to the unit too, and a report reaching a workflow stage to that stage's desk;
 * a unit's own sign-off (本单位审核) to its responsible people and to the unit.
 */
@Configuration(proxyBeanMethods = false)
class ModerationOutcomeEventProcessor {

    @Bean
    Consumer<Message<byte[]>> articlePublished(EventHandlers handlers, Notifier notifier, ContributorNotices units) {
        return handlers.once("notification.article-published", HeraldEvents.ARTICLE_PUBLISHED, article -> {
            notifier.notifySubscribers(article);
            units.published(article);
        });
    }

    @Bean
    Consumer<Message<byte[]>> articleRejected(EventHandlers handlers, ContributorNotices units) {
        return handlers.once("notification.article-rejected", HeraldEvents.ARTICLE_REJECTED, units::rejected);
    }

    @Bean
    Consumer<Message<byte[]>> articleChangesRequested(EventHandlers handlers, ContributorNotices units) {
        return handlers.once("notification.article-changes-requested", HeraldEvents.ARTICLE_CHANGES_REQUESTED,
                units::changesRequested);
    }

    @Bean
    Consumer<Message<byte[]>> unitSignOffChanged(EventHandlers handlers, ContributorNotices units) {
        return handlers.once("notification.unit-sign-off-changed", HeraldEvents.UNIT_SIGN_OFF_CHANGED, units::unitSignOffChanged);
    }

    @Bean
    Consumer<Message<byte[]>> reviewStageEntered(EventHandlers handlers, DeskNotices desks) {
        return handlers.once("notification.review-stage-entered", HeraldEvents.REVIEW_STAGE_ENTERED, desks::stageEntered);
    }
}
