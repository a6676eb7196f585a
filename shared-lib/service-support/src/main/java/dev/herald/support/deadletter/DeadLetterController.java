package dev.herald.support.deadletter;

import dev.herald.support.web.InvalidRequestException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** An administrator's view of this service's dead letters: list, read, replay, discard. */
@RestController
@RequestMapping(DeadLetterController.PATH)
class DeadLetterController {

    static final String PATH = "/api/admin/dead-letters";

    /** {@code <dlq topic>-<partition>-<offset>}; Kafka topic names are at most 249 of these characters */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,249}-[0-9]{1,10}-[0-9]{1,19}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final int MAX_PAGE_SIZE = 100;

    record Summary(String id, DeadLetterStatus status, String topic, String consumer, String key, Instant failedAt,
                   String reason, int replays) {

        static Summary of(DeadLetter letter) {
            String reason = letter.replays().isEmpty() || letter.replays().getLast().reason() == null
                    ? letter.reason() == null ? null : letter.reason().rootCause()
                    : letter.replays().getLast().reason();
            return new Summary(letter.id(), letter.status(), letter.topic(), letter.consumer(), letter.key(),
                    letter.failedAt(), reason, letter.replays().size());
        }
    }

    record Page(long total, int page, int size, List<Summary> deadLetters) {
    }

    record ReplayReport(int replayed, int alreadyReplayed, int failing, int busy, List<DeadLetters.ReplayResult> deadLetters) {

        static ReplayReport of(List<DeadLetters.ReplayResult> results) {
            return new ReplayReport(count(results, DeadLetters.Outcome.REPLAYED), count(results, DeadLetters.Outcome.ALREADY_REPLAYED),
                    count(results, DeadLetters.Outcome.FAILING), count(results, DeadLetters.Outcome.BUSY), results);
        }

        private static int count(List<DeadLetters.ReplayResult> results, DeadLetters.Outcome outcome) {
            return (int) results.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    private final DeadLetters deadLetters;
    private final DeadLetterStore store;

    DeadLetterController(DeadLetters deadLetters, DeadLetterStore store) {
        this.deadLetters = deadLetters;
        this.store = store;
    }

    /** Newest failure first. */
    @GetMapping
    Page list(@RequestParam(required = false) String topic, @RequestParam(required = false) String consumer,
              @RequestParam(required = false) DeadLetterStatus status,
              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw new InvalidRequestException("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        var filter = filter(topic, consumer, status);
        return new Page(store.count(filter), page, size, store.page(filter, page, size).stream().map(Summary::of).toList());
    }

    @GetMapping("/{id}")
    DeadLetterView get(@PathVariable String id) {
        return DeadLetterView.of(deadLetters.get(checked(id)));
    }

    @PostMapping("/{id}/replay")
    DeadLetters.ReplayResult replay(@PathVariable String id, Principal caller) {
        return deadLetters.replay(checked(id), name(caller));
    }

    /** Every open dead letter, or those of one topic or consumer. */
    @PostMapping("/replay")
    ReplayReport replayAll(@RequestParam(required = false) String topic, @RequestParam(required = false) String consumer,
                           Principal caller) {
        return ReplayReport.of(deadLetters.replayAll(filter(topic, consumer, null), name(caller)));
    }

    /** Marks it discarded, and keeps it so: what was given up, when and by whom stays on record. */
    @DeleteMapping("/{id}")
    DeadLetterView discard(@PathVariable String id, Principal caller) {
        return DeadLetterView.of(deadLetters.discard(checked(id), name(caller)));
    }

    private static DeadLetterStore.Filter filter(String topic, String consumer, DeadLetterStatus status) {
        return new DeadLetterStore.Filter(name("topic", topic), name("consumer", consumer), status);
    }

    private static String name(String field, String value) {
        if (value != null && !NAME.matcher(value).matches()) {
            throw new InvalidRequestException(field, "must be a topic or function name: letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidRequestException("id", "must be <dead-letter topic>-<partition>-<offset>");
        }
        return id;
    }

    private static String name(Principal caller) {
        return caller == null ? "unknown" : caller.getName();
    }
}
