package dev.herald.moderation.screening;

import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import dev.herald.text.FoldedText;
import jakarta.annotation.PostConstruct;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Administrators' changes to the lexicon: stored in the service's own collection (seeded from the
 * starter lexicon), compiled, and swapped into the screener at once, with no restart. Other instances
 * of the service pick a change up within one refresh interval.
 */
@Service
public class LexiconService {

    static final int MAX_TERM = 20;

    private final LexiconRepository store;
    private final Screener screener;
    private final Clock clock;
    private volatile Long loadedRevision;

    LexiconService(LexiconRepository store, Screener screener, Clock clock) {
        this.store = store;
        this.screener = screener;
        this.clock = clock;
    }

    // at bean creation, before the Kafka bindings start: no submission may be screened with a stale lexicon
    @PostConstruct
    void load() {
        refresh();
    }

    /** Compiles the stored lexicon again only when another instance (or an admin here) changed it. */
    public synchronized void refresh() {
        store.findById(LexiconDocument.CURRENT)
                .filter(doc -> !Objects.equals(doc.revision(), loadedRevision))
                .ifPresent(this::use);
    }

    public Lexicon current() {
        return screener.lexicon();
    }

    /** The latest changes, newest first. */
    public List<LexiconDocument.Change> changes() {
        List<LexiconDocument.Change> changes = new ArrayList<>(store.findById(LexiconDocument.CURRENT)
                .map(LexiconDocument::changes).orElse(List.of()));
        java.util.Collections.reverse(changes);
        return changes;
    }

    public synchronized Lexicon addTerm(String term, String admin) {
        String entry = valid(term);
        LexiconDocument doc = stored();
        return change(doc, admin, "term-added", entry, plus(doc.terms(), entry), doc.allowed());
    }

    public synchronized Lexicon removeTerm(String term, String admin) {
        LexiconDocument doc = stored();
        return change(doc, admin, "term-removed", term, minus(doc.terms(), term), doc.allowed());
    }

    public synchronized Lexicon addAllowed(String phrase, String admin) {
        String entry = valid(phrase);
        LexiconDocument doc = stored();
        return change(doc, admin, "allowed-added", entry, doc.terms(), plus(doc.allowed(), entry));
    }

    public synchronized Lexicon removeAllowed(String phrase, String admin) {
        LexiconDocument doc = stored();
        return change(doc, admin, "allowed-removed", phrase, doc.terms(), minus(doc.allowed(), phrase));
    }

    private LexiconDocument stored() {
        return store.findById(LexiconDocument.CURRENT).orElseGet(() -> new LexiconDocument(LexiconDocument.CURRENT, null,
                Screener.starterTerms(), Screener.starterAllowed(), "starter", clock.instant(), List.of()));
    }

    private Lexicon change(LexiconDocument current, String admin, String action, String entry, Set<String> terms,
                           Set<String> allowed) {
        Instant now = clock.instant();
        List<LexiconDocument.Change> changes = new ArrayList<>(current.changes());
        changes.add(new LexiconDocument.Change(now, admin, action, entry));
        if (changes.size() > LexiconDocument.KEPT_CHANGES) {
            changes = changes.subList(changes.size() - LexiconDocument.KEPT_CHANGES, changes.size());
        }
        // the revision read with the document makes a concurrent edit from another instance fail, not vanish
        LexiconDocument saved = store.save(new LexiconDocument(current.id(), current.revision(), terms, allowed, admin, now,
                changes));
        return use(saved);
    }

    private Lexicon use(LexiconDocument doc) {
        Lexicon compiled = new Lexicon(doc.terms(), doc.allowed());
        screener.use(compiled);
        loadedRevision = doc.revision();
        return compiled;
    }

    private static Set<String> plus(Set<String> entries, String entry) {
        Set<String> changed = new TreeSet<>(entries);
        changed.add(entry);
        return changed;
    }

    private static Set<String> minus(Set<String> entries, String entry) {
        if (!entries.contains(entry)) {
            throw new NotFoundException("lexicon entry", entry);
        }
        Set<String> changed = new TreeSet<>(entries);
        changed.remove(entry);
        return changed;
    }

    private static String valid(String entry) {
        String stripped = entry == null ? "" : entry.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_TERM || FoldedText.fold(stripped).length() < 2) {
            throw new InvalidRequestException("term", "must be 2 to " + MAX_TERM + " characters that are not all punctuation");
        }
        return stripped;
    }
}
