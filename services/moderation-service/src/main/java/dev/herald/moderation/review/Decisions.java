package dev.herald.moderation.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the two decisions a moderator can make. */
final class Decisions {

    private Decisions() {
    }

    record Approval(@NotBlank @Size(max = 100) String moderator, @Size(max = 1_000) String note) {
    }

    record Rejection(@NotBlank @Size(max = 100) String moderator, @NotBlank @Size(max = 1_000) String reason) {
    }
}
