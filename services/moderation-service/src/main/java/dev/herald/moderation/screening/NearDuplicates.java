package dev.herald.moderation.screening;

import java.util.Optional;

/** Looks up the closest earlier report to a fingerprint, within the near-duplicate distance. */
@FunctionalInterface
public interface NearDuplicates {

    NearDuplicates NONE = fingerprint -> Optional.empty();

    /**
     * The farthest the fingerprint index finds: it looks fingerprints up by four exact 16-bit bands, and two
     * fingerprints within 3 bits always share one. The rule book's {@code near-duplicates.max-distance} may be less.
     */
    int MAX_DISTANCE = 3;

    Optional<Match> nearest(long fingerprint);

    record Match(String reviewId, int distance) {
    }
}
