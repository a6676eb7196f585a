package dev.herald.moderation.screening;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Set;

/** The lexicon as administrators last left it; one document, versioned against concurrent edits. */
@Document("lexicon")
record LexiconDocument(@Id String id, @Version Long revision, Set<String> terms, Set<String> allowed,
                       String updatedBy, Instant updatedAt) {

    static final String CURRENT = "current";
}
