package dev.herald.moderation.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of what a moderator can do to a review; who acts is the caller's token, not the body. */
final class Decisions {

    private Decisions() {
    }

    /**
     * Approve the current stage, optionally with an edited version for the next stage or for publication;
     * limits match what ingest accepts from units. {@code confidentialityChecked} must be true at the
     * confidentiality review stage (保密审查): the sign-off records that the check was done. {@code publishAt}, at
     * the last stage only, schedules the publication (定时发布, or an embargo): ISO-8601 with an offset; absent or
     * past means now.
     */
    record Approval(@Size(max = 1_000) String note, @Valid Edits edits, Boolean confidentialityChecked,
                    @Size(max = 64) String publishAt) {

        Approval(String note, Edits edits, Boolean confidentialityChecked) {
            this(note, edits, confidentialityChecked, null);
        }
    }

    /** A scheduled publication's new time: ISO-8601 with an offset; absent or past publishes it now. */
    record Schedule(@Size(max = 64) String publishAt) {
    }

    /** Back to the named earlier stage of the same revision, with what its people should look at again. */
    record SendBack(@NotBlank @Size(max = 20) String stage, @NotBlank @Size(max = 2_000) String message) {
    }

    /** Why the report is important, and so needs the escalation stage (the leader's sign-off). */
    record Importance(@NotBlank @Size(max = 1_000) String reason) {
    }

    /**
     * Changes a moderator makes on approval. {@code useCleanedBody} accepts the body screening offered
     * without page chrome, so nobody has to paste it back.
     */
    record Edits(@Size(min = 1, max = 200) String title, @Size(min = 1, max = 50) String channel,
                 @Size(min = 1, max = 60_000) String body, Boolean useCleanedBody) {
    }

    /** {@code reasonCode} defaults to OTHER, so a plain reason is still a valid rejection. */
    record Rejection(RejectionCode reasonCode, @NotBlank @Size(max = 1_000) String reason) {
    }

    record Retraction(@NotBlank @Size(max = 1_000) String reason) {
    }

    record ChangeRequest(@NotBlank @Size(max = 2_000) String message) {
    }
}
