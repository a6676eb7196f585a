package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.ScreeningInput;
import dev.herald.moderation.screening.Verdict;

import java.util.List;
import java.util.Set;

/**
 * One labelled report of the evaluation set.
 *
 * @param expectedKinds   the finding kinds screening should raise on it, by name (see {@link DetectorKinds})
 * @param expectedVerdict the verdict it deserves; spam may also be judged worse than that
 * @param source          the clean report it was made from, itself for a clean report; reports made from one
 *                        source are never each other's earlier reports unless {@code earlier} says so
 * @param earlier         the earlier reports it republishes
 * @param note            how it was made, and what is tricky about it
 * @param unit            the registered name of the unit that submitted it (spam comes in under a real unit's account)
 */
record EvaluationCase(String id, Category category, Set<String> expectedKinds, Verdict expectedVerdict, String source,
                      List<String> earlier, String note, String title, String unit, String channel, String body) {

    EvaluationCase {
        expectedKinds = Set.copyOf(expectedKinds);
        earlier = List.copyOf(earlier);
    }

    /**
     * Spam may be judged worse than labelled: an unlisted brand caught as LIKELY_SPAM is no mistake. A real
     * report may not: a pasted page judged LIKELY_SPAM would be rejected unread.
     */
    boolean verdictAsExpected(Verdict got) {
        return got == expectedVerdict || category.spam() && got.compareTo(expectedVerdict) > 0;
    }

    ScreeningInput input() {
        return new ScreeningInput(title, unit, channel, body, null);
    }
}
