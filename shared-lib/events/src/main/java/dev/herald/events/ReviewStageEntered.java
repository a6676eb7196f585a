package dev.herald.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A report reached a stage of its channel's review workflow (初审, 保密审查, 终审, a leader's 签发) and waits for the
 * people of {@code role} there; owned by the moderation service. Sent for workflow stages only: a channel
 * without a workflow has one stage, its moderators' queue. {@code revision} is the report's revision, so a
 * stage entered again (after a send-back, or by a new revision) is a fact of its own; {@code correction} is true
 * when the revision corrects (更正) an article already published.
 */
public record ReviewStageEntered(
        UUID eventId,
        Instant when,
        String articleId,
        int revision,
        String unit,
        String channel,
        String title,
        String stage,
        int stageNumber,
        String role,
        Boolean correction) implements HeraldEvent {

    public ReviewStageEntered {
        correction = correction != null && correction;
    }
}
