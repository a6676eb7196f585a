package dev.herald.moderation.review;

import java.time.Instant;

/**
 * One decision on one stage of one revision: the accountability record sites print as 审核 and 签发.
 *
 * @param role                  the role the stage asked for, under which it was decided
 * @param decision              APPROVED, SENT_BACK, CHANGES_REQUESTED or REJECTED
 * @param confidentialityReview the stage was the confidentiality review (保密审查) and the decider confirmed it was done
 */
public record SignOff(int revision, String stage, String by, String role, Instant at, String decision,
                      boolean confidentialityReview, String note) {
}
