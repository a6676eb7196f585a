package dev.herald.moderation.screening;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The lexicon as administrators last left it; one document, versioned against concurrent edits, with
 * the latest changes (who, when, what) kept alongside as its audit trail.
 */
@Document("lexicon")
record LexiconDocument(@Id String id, @Version Long revision, Set<String> terms, Set<String> allowed,
                       String updatedBy, Instant updatedAt, List<Change> changes) {

    static final String CURRENT = "current";

    /** Enough history to answer "who added this and when" without growing the document forever. */
    static final int KEPT_CHANGES = 500;

    LexiconDocument {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    record Change(Instant at, String by, String action, String entry) {
    }
}
