package dev.herald.moderation.screening;

import java.util.List;

/**
 * What automated screening made of a report, and which policy and lexicon versions decided it, so a
 * result can always be explained later.
 *
 * @param cleanedBody the body without page chrome, when there was chrome to remove; null otherwise
 * @param fingerprint the SimHash of the (cleaned) body, for finding near-duplicates
 * @param duplicateOf the review this one nearly duplicates, if any
 */
public record ScreeningResult(Verdict verdict, int score, List<Finding> findings, String policyVersion,
                              String lexiconVersion, String cleanedBody, long fingerprint, String duplicateOf) {
}
