package dev.herald.notification.inbox;

import dev.herald.events.ReviewStageEntered;
import dev.herald.notification.email.DeskMail;
import org.springframework.stereotype.Service;

import java.time.Clock;

/**
 * Tells the people of a review stage that a report reached it: a notice in the desk inbox of the stage's role,
 * which everyone holding the role reads. Keyed by the fact (this revision entering this stage at this time),
 * so a redelivery under a new event id adds nothing, while entering the stage again after a send-back does.
 * The addresses an administrator gave the desk are mailed too, keyed the same way.
 */
@Service
class DeskNotices {

    private final Inbox inbox;
    private final DeskMail mail;
    private final Clock clock;

    DeskNotices(Inbox inbox, DeskMail mail, Clock clock) {
        this.inbox = inbox;
        this.mail = mail;
        this.clock = clock;
    }

    void stageEntered(ReviewStageEntered e) {
        String fact = "stage\n" + e.articleId() + "\n" + e.revision() + "\n" + e.stage() + "\n" + e.when();
        String what = Boolean.TRUE.equals(e.correction()) ? "更正稿" : "稿件";
        String id = Notification.name(fact);
        inbox.add(Notification.note(id, NoticeKind.STAGE, null, Notification.deskInbox(e.role()),
                e.articleId(), e.title(), e.unit(), "待" + e.stage() + ":" + what + "已进入" + e.stage() + "(第" + e.stageNumber() + "审)",
                clock.instant()));
        // owed whether or not the notice was new: a crash between the two writes must not cost the mail
        mail.stageReached(new DeskMail.StageReached(id, e.role(), e.articleId(), e.title(), e.unit(), e.stage(),
                e.stageNumber(), Boolean.TRUE.equals(e.correction())));
    }
}
