package dev.herald.support.deadletter;

import dev.herald.support.web.ConflictException;
import dev.herald.support.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Replays and discards: each letter is handled by at most one replay at a time, and never again once replayed. */
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int BATCH = 100;

    enum Outcome { REPLAYED, ALREADY_REPLAYED, FAILING, BUSY }

    record ReplayResult(String id, Outcome outcome, String reason) {
    }

    private final DeadLetterStore store;
    private final DeadLetterHandlers handlers;
    private final DeadLetterDepth depth;
    private final Duration lease;
    private final Clock clock;

    DeadLetters(DeadLetterStore store, DeadLetterHandlers handlers, DeadLetterDepth depth, Duration lease, Clock clock) {
        this.store = store;
        this.handlers = handlers;
        this.depth = depth;
        this.lease = lease;
        this.clock = clock;
    }

    DeadLetter get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("dead letter", id));
    }

    /**
     * Replays one letter. A replayed letter is not handed over again, and a discarded one is a conflict:
     * it was given up on purpose.
     */
    ReplayResult replay(String id, String by) {
        DeadLetter letter = get(id);
        if (letter.status() == DeadLetterStatus.DISCARDED) {
            throw new ConflictException("dead letter " + id + " was discarded at " + letter.discardedAt() + "; it is not replayed");
        }
        ReplayResult result = replayOpen(id, by);
        depth.recount();
        return result;
    }

    /** Replays every open letter the filter takes in, oldest first; one that fails does not stop the rest. */
    List<ReplayResult> replayAll(DeadLetterStore.Filter filter, String by) {
        List<ReplayResult> results = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        List<String> batch;
        do {
            // those that failed again stay open: skip what this pass has tried already
            batch = store.openIds(filter, BATCH + tried.size()).stream().filter(id -> !tried.contains(id)).toList();
            for (String id : batch) {
                tried.add(id);
                results.add(replayOpen(id, by));
            }
        } while (!batch.isEmpty());
        depth.recount();
        return results;
    }

    private ReplayResult replayOpen(String id, String by) {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        var claimed = store.claim(id, token, now, now.plus(lease));
        if (claimed.isEmpty()) {
            DeadLetter letter = get(id);
            return letter.status() == DeadLetterStatus.REPLAYED ? new ReplayResult(id, Outcome.ALREADY_REPLAYED, null)
                    : new ReplayResult(id, Outcome.BUSY, "another replay of it is under way until " + letter.claimedUntil());
        }
        DeadLetter letter = claimed.get();
        DeadLetterStatus outcome;
        String reason = null;
        try {
            handlers.handle(letter);
            outcome = DeadLetterStatus.REPLAYED;
        } catch (RuntimeException e) {
            outcome = DeadLetterStatus.FAILING;
            reason = e.getClass().getName() + ": " + e.getMessage();
            log.warn("Replay of dead letter {} failed again", id, e);
        }
        if (!store.settle(id, token, new DeadLetter.Replay(clock.instant(), by, outcome, reason))) {
            log.warn("Replay of dead letter {} outlasted its lease ({}); another replay took it over", id, lease);
        }
        return new ReplayResult(id, outcome == DeadLetterStatus.REPLAYED ? Outcome.REPLAYED : Outcome.FAILING, reason);
    }

    /** Keeps the letter, marked discarded, for the record; discarding it again changes nothing. */
    DeadLetter discard(String id, String by) {
        var discarded = store.discard(id, by, clock.instant());
        if (discarded.isPresent()) {
            depth.recount();
            return discarded.get();
        }
        DeadLetter letter = get(id);
        return switch (letter.status()) {
            case DISCARDED -> letter;
            case REPLAYED -> throw new ConflictException("dead letter " + id + " was replayed; there is nothing to discard");
            default -> throw new ConflictException("dead letter " + id + " is being replayed; discard it after the replay");
        };
    }
}
