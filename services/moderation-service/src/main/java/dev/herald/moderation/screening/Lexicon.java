package dev.herald.moderation.screening;

import dev.herald.text.FoldedText;
import dev.herald.text.PatternMatcher;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Terms to flag and terms to let through, compiled into one matcher each. Its version is a digest of
 * its contents, so every screening result names exactly the lexicon that produced it.
 */
public final class Lexicon {

    private final PatternMatcher terms;
    private final PatternMatcher allowed;
    private final String version;
    private final Set<String> termEntries;
    private final Set<String> allowedEntries;

    public Lexicon(Set<String> terms, Set<String> allowed) {
        this.termEntries = java.util.Collections.unmodifiableSet(new TreeSet<>(terms));
        this.allowedEntries = java.util.Collections.unmodifiableSet(new TreeSet<>(allowed));
        this.terms = new PatternMatcher(terms.stream().map(FoldedText::fold).toList());
        this.allowed = new PatternMatcher(allowed.stream().map(FoldedText::fold).toList());
        this.version = "lexicon-" + digest(new TreeSet<>(terms), new TreeSet<>(allowed));
    }

    public String version() {
        return version;
    }

    public int size() {
        return terms.size();
    }

    public Set<String> terms() {
        return termEntries;
    }

    public Set<String> allowed() {
        return allowedEntries;
    }

    /** Matches in the folded text, less those that lie inside an allowed term. */
    public List<PatternMatcher.Match> find(FoldedText text) {
        List<PatternMatcher.Match> allowedSpans = allowed.findAll(text.folded());
        List<PatternMatcher.Match> found = new ArrayList<>();
        for (PatternMatcher.Match match : terms.findAll(text.folded())) {
            boolean excused = allowedSpans.stream().anyMatch(a -> a.start() <= match.start() && match.end() <= a.end());
            if (!excused) {
                found.add(match);
            }
        }
        return found;
    }

    private static String digest(Set<String> terms, Set<String> allowed) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(String.join("\n", terms).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.join("\n", allowed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
