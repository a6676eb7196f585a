package dev.herald.moderation.review;

import org.springframework.data.annotation.Id;

import java.time.Instant;

/** The few fields of a review that a near-duplicate comparison reads. */
record DuplicateCandidate(@Id String id, ReviewStatus status, Instant submittedAt, Fingerprint screening) {

    record Fingerprint(long fingerprint) {
    }
}
