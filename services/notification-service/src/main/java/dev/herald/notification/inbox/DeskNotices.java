package dev.herald.notification.inbox;

import dev.herald.events.ReviewStageEntered;
import org.springframework.stereotype.Service;

import java.time.Clock;

/**
 * Tells the people of a review stage that a report reached it: a notice in the desk inbox of the stage's role,
 * which everyone holding the role reads. Keyed by the fact (this revision entering this stage at this time),
 * so a redelivery under a new event id adds nothing, while entering the stage again after a send-back does.
 */
@Service
class DeskNotices {

    private final Inbox inbox;
    private final Clock clock;

    DeskNotices(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    void stageEntered(ReviewStageEntered e) {
        String fact = "stage\n" + e.articleId() + "\n" + e.revision() + "\n" + e.stage() + "\n" + e.when();
        String what = Boolean.TRUE.equals(e.correction()) ? "更正稿" : "稿件";
        inbox.add(Notification.note(Notification.name(fact), NoticeKind.STAGE, null, Notification.deskInbox(e.role()),
                e.articleId(), e.title(), e.unit(), "待" + e.stage() + ":" + what + "已进入" + e.stage() + "(第" + e.stageNumber() + "审)",
                clock.instant()));
    }
}
