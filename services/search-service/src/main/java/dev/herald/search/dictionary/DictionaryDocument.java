package dev.herald.search.dictionary;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The user dictionary as administrators last saved it; one document, versioned against concurrent edits. */
@Document("dictionary")
record DictionaryDocument(@Id String id, @Version Long revision, Set<String> phrases, List<List<String>> synonyms,
                          String updatedBy, Instant updatedAt) {

    static final String CURRENT = "current";
}
