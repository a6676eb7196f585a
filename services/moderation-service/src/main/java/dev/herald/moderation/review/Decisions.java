package dev.herald.moderation.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the two decisions a moderator can make; who decides is the caller's token, not the body. */
final class Decisions {

    private Decisions() {
    }

    record Approval(@Size(max = 1_000) String note) {
    }

    record Rejection(@NotBlank @Size(max = 1_000) String reason) {
    }
}
