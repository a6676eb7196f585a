package dev.herald.ingest.feed;

import java.util.List;

/**
 * What one poll of a feed came to.
 *
 * @param outcome  OK, or FAILED when the feed itself could not be fetched or read ({@code error} says why)
 * @param added    items drafted or submitted
 * @param skipped  new items that made no draft: the same text as one the unit has, or nothing to draft
 * @param failed   items whose page could not be fetched; they are tried again at the next poll
 * @param failures why, one line per failed item
 */
public record PollResult(String feedId, String outcome, int added, int skipped, int failed, String error, List<String> failures) {

    static PollResult failed(String feedId, String error) {
        return new PollResult(feedId, "FAILED", 0, 0, 0, error, List.of());
    }
}
