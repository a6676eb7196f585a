package dev.herald.search.dictionary;

import dev.herald.support.web.ConflictException;
import dev.herald.support.web.InvalidRequestException;
import jakarta.annotation.PostConstruct;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The user dictionary: stored in the service's own collection, seeded with a starter set, applied to
 * the next query at once, and picked up by other instances within one refresh interval.
 */
@Service
public class DictionaryService {

    static final int MAX_PHRASES = 10_000;
    static final int MAX_GROUPS = 2_000;
    static final int MAX_ENTRY = 30;

    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile UserDictionary current = UserDictionary.EMPTY;
    private volatile DictionaryDocument stored;

    public DictionaryService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public UserDictionary current() {
        return current;
    }

    public DictionaryDocument document() {
        return stored;
    }

    /** Reads the stored dictionary at start, and again on every {@link DictionaryRefresh}. */
    @PostConstruct
    public synchronized void refresh() {
        DictionaryDocument found = mongo.findById(DictionaryDocument.CURRENT, DictionaryDocument.class);
        if (found == null) {
            found = StarterDictionary.document(clock.instant());
        }
        if (stored == null || !Objects.equals(found.revision(), stored.revision()) || found.revision() == null) {
            use(found);
        }
    }

    /**
     * Replaces the dictionary whole. {@code expectedRevision}, when given, must be the revision the
     * administrator edited, so two administrators' edits cannot silently overwrite each other.
     */
    public synchronized DictionaryDocument replace(Set<String> phrases, List<List<String>> synonyms, Long expectedRevision,
                                                   String admin) {
        validate(phrases, synonyms);
        DictionaryDocument current = mongo.findById(DictionaryDocument.CURRENT, DictionaryDocument.class);
        Long revision = current == null ? null : current.revision();
        if (expectedRevision != null && !Objects.equals(expectedRevision, revision)) {
            throw new ConflictException("the dictionary changed since revision " + expectedRevision + "; it is now at " + revision);
        }
        try {
            DictionaryDocument saved = mongo.save(new DictionaryDocument(DictionaryDocument.CURRENT, revision,
                    Set.copyOf(phrases), synonyms.stream().map(List::copyOf).toList(), admin, clock.instant()));
            use(saved);
            return saved;
        } catch (OptimisticLockingFailureException raced) {
            throw new ConflictException("the dictionary was changed by someone else at the same time; reload and retry");
        }
    }

    private void use(DictionaryDocument doc) {
        // the starter set, never stored, is revision 0 of what queries use; stored revision n is n + 1
        current = new UserDictionary(doc.phrases(), doc.synonyms(), doc.revision() == null ? 0 : doc.revision() + 1);
        stored = doc;
    }

    private static void validate(Set<String> phrases, List<List<String>> synonyms) {
        if (phrases == null || phrases.size() > MAX_PHRASES) {
            throw new InvalidRequestException("phrases", "must be a list of at most " + MAX_PHRASES + " entries");
        }
        if (synonyms == null || synonyms.size() > MAX_GROUPS) {
            throw new InvalidRequestException("synonyms", "must be a list of at most " + MAX_GROUPS + " groups");
        }
        for (String phrase : phrases) {
            entry("phrases", phrase);
        }
        for (List<String> group : synonyms) {
            if (group == null || group.size() < 2 || group.size() > 20) {
                throw new InvalidRequestException("synonyms", "each group must list 2 to 20 words");
            }
            group.forEach(word -> entry("synonyms", word));
        }
    }

    private static void entry(String field, String value) {
        if (value == null || value.isBlank() || value.strip().length() < 2 || value.length() > MAX_ENTRY) {
            throw new InvalidRequestException(field, "entries must be 2 to " + MAX_ENTRY + " characters");
        }
    }
}
