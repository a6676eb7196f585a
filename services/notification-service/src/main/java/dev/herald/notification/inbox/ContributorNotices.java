package dev.herald.notification.inbox;

import dev.herald.events.ArticleChangesRequested;
import dev.herald.events.ArticlePublished;
import dev.herald.events.ArticleRejected;
import dev.herald.events.UnitSignOffChanged;
import dev.herald.notification.subscription.SubscriptionDisabled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;

/**
 * Words nobody subscribed to but everybody wants: a unit hears what became of its own reports, and a
 * subscriber hears when their endpoint was switched off. An outcome is keyed by the fact it tells (this
 * publication of the article, its rejection, the request about this revision), not by the event's id,
 * so the same fact arriving again under a new event id adds nothing.
 */
@Service
class ContributorNotices {

    private final Inbox inbox;
    private final Clock clock;

    ContributorNotices(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    void published(ArticlePublished e) {
        outcome("published\n" + e.articleId() + "\n" + e.version(), e.unit(), e.articleId(), e.title(),
                "已发布:报道已通过审核并发布");
    }

    /** A review is rejected at most once, whatever its revision. */
    void rejected(ArticleRejected e) {
        outcome("rejected\n" + e.articleId(), e.unit(), e.articleId(), null, "未通过审核:" + e.reason());
    }

    void changesRequested(ArticleChangesRequested e) {
        outcome("changes-requested\n" + e.articleId() + "\n" + e.revision(), e.unit(), e.articleId(), null,
                "需要修改(第" + e.revision() + "稿):" + e.message());
    }

    /**
     * A unit that signs off its own reports: what waits goes to the desk of its responsible people, what they
     * decided to the unit's inbox. Each revision waits, and is decided, once.
     */
    void unitSignOffChanged(UnitSignOffChanged e) {
        String revision = "(第" + e.revision() + "稿)";
        switch (e.state()) {
            case "AWAITING" -> inbox.add(Notification.note(
                    Notification.name("unit-awaiting\n" + e.articleId() + "\n" + e.revision()), NoticeKind.STAGE, null,
                    Notification.unitReviewersInbox(e.unit()), e.articleId(), e.title(), e.unit(),
                    "待本单位审核" + revision + ":稿件等待本单位负责人审核后报送", clock.instant()));
            case "SIGNED_OFF" -> outcome("unit-signed-off\n" + e.articleId() + "\n" + e.revision(), e.unit(), e.articleId(),
                    e.title(), "本单位审核通过" + revision + ":" + (e.by() == null ? "" : e.by() + " 已审核,") + "稿件已报送平台审核");
            case "RETURNED" -> outcome("unit-returned\n" + e.articleId() + "\n" + e.revision(), e.unit(), e.articleId(),
                    e.title(), "本单位审核退回" + revision + ":" + (e.message() == null ? "" : e.message()));
            // a state this version does not know yet tells nobody, rather than failing the event for ever
            default -> { }
        }
    }

    @EventListener
    void endpointDisabled(SubscriptionDisabled e) {
        inbox.add(Notification.note(Notification.name("disabled\n" + e.subscriptionId() + "\n" + clock.instant()),
                NoticeKind.ENDPOINT_DISABLED, e.subscriptionId(), e.subscriber(), null, null, null,
                "订阅的推送地址已停用:" + e.reason(), clock.instant()));
    }

    private void outcome(String fact, String unit, String articleId, String title, String message) {
        inbox.add(Notification.note(Notification.name("outcome\n" + fact), NoticeKind.OUTCOME, null,
                Notification.unitInbox(unit), articleId, title, unit, message, clock.instant()));
    }
}
