package dev.herald.moderation.screening;

import java.util.Optional;

/** Looks up the closest earlier report to a fingerprint, within the near-duplicate distance. */
@FunctionalInterface
public interface NearDuplicates {

    NearDuplicates NONE = fingerprint -> Optional.empty();

    /** The distance at or below which two fingerprints are near-duplicates (Manku et al.). */
    int MAX_DISTANCE = 3;

    Optional<Match> nearest(long fingerprint);

    record Match(String reviewId, int distance) {
    }
}
