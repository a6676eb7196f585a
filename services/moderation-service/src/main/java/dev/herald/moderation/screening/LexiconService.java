package dev.herald.moderation.screening;

import dev.herald.text.FoldedText;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import jakarta.annotation.PostConstruct;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Administrators' changes to the lexicon: stored in the service's own collection (seeded from the
 * starter lexicon), compiled, and swapped into the screener at once, with no restart.
 */
@Service
public class LexiconService {

    static final int MAX_TERM = 20;

    private final LexiconRepository store;
    private final Screener screener;
    private final Clock clock;

    LexiconService(LexiconRepository store, Screener screener, Clock clock) {
        this.store = store;
        this.screener = screener;
        this.clock = clock;
    }

    // at bean creation, before the Kafka bindings start: no submission may be screened with a stale lexicon
    @PostConstruct
    void load() {
        store.findById(LexiconDocument.CURRENT).ifPresent(doc -> screener.use(new Lexicon(doc.terms(), doc.allowed())));
    }

    public Lexicon current() {
        return screener.lexicon();
    }

    public synchronized Lexicon addTerm(String term, String admin) {
        return change(admin, doc -> withTerms(doc, plus(doc.terms(), valid(term))));
    }

    public synchronized Lexicon removeTerm(String term, String admin) {
        return change(admin, doc -> withTerms(doc, minus(doc.terms(), term)));
    }

    public synchronized Lexicon addAllowed(String phrase, String admin) {
        return change(admin, doc -> withAllowed(doc, plus(doc.allowed(), valid(phrase))));
    }

    public synchronized Lexicon removeAllowed(String phrase, String admin) {
        return change(admin, doc -> withAllowed(doc, minus(doc.allowed(), phrase)));
    }

    private Lexicon change(String admin, Function<LexiconDocument, LexiconDocument> edit) {
        LexiconDocument current = store.findById(LexiconDocument.CURRENT).orElseGet(() -> new LexiconDocument(
                LexiconDocument.CURRENT, null, Screener.starterTerms(), Screener.starterAllowed(), "starter", clock.instant()));
        LexiconDocument edited = edit.apply(current);
        LexiconDocument saved = store.save(new LexiconDocument(edited.id(), edited.revision(), edited.terms(), edited.allowed(),
                admin, clock.instant()));
        Lexicon compiled = new Lexicon(saved.terms(), saved.allowed());
        screener.use(compiled);
        return compiled;
    }

    private static LexiconDocument withTerms(LexiconDocument doc, Set<String> terms) {
        return new LexiconDocument(doc.id(), doc.revision(), terms, doc.allowed(), doc.updatedBy(), doc.updatedAt());
    }

    private static LexiconDocument withAllowed(LexiconDocument doc, Set<String> allowed) {
        return new LexiconDocument(doc.id(), doc.revision(), doc.terms(), allowed, doc.updatedBy(), doc.updatedAt());
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
