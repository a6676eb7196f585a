package dev.herald.moderation.screening;

import java.util.List;

/**
 * What automated screening made of a report, and which policy and lexicon versions decided it, so a
 * result can always be explained later.
 *
 * @param cleanedBody the body without page chrome, when there was chrome to remove; null otherwise
 */
public record ScreeningResult(Verdict verdict, int score, List<Finding> findings, String policyVersion,
                              String lexiconVersion, String cleanedBody) {
}
