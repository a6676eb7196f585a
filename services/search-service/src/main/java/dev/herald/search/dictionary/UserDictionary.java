package dev.herald.search.dictionary;

import dev.herald.text.ChineseText;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words the segmenter does not know (names, places, new terms), to be kept whole in queries, and groups
 * of synonyms, any of which finds the others. Applied when a query is built, so a change needs neither a
 * restart nor a re-index.
 */
public final class UserDictionary {

    public static final UserDictionary EMPTY = new UserDictionary(Set.of(), List.of(), 0);

    /** The starter dictionary, as the service applies it while no administrator has saved one (and benchmarks do). */
    public static UserDictionary starter() {
        DictionaryDocument starter = StarterDictionary.document(java.time.Instant.EPOCH);
        return new UserDictionary(starter.phrases(), starter.synonyms(), 0);
    }

    private final Map<String, List<String>> synonyms = new HashMap<>();
    private final List<String> units;
    private final long revision;

    public UserDictionary(Set<String> phrases, List<List<String>> synonymGroups, long revision) {
        this.revision = revision;
        for (List<String> group : synonymGroups) {
            List<String> folded = group.stream().map(ChineseText::normalize).filter(s -> !s.isEmpty()).distinct().toList();
            folded.forEach(member -> synonyms.put(member, folded));
        }
        this.units = java.util.stream.Stream.concat(phrases.stream().map(ChineseText::normalize), synonyms.keySet().stream())
                .filter(p -> p.length() >= 2).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();
    }

    public long revision() {
        return revision;
    }

    /** Kept phrases and synonyms, longest first, so the longest known unit of a query wins. */
    public List<String> units() {
        return units;
    }

    /** The folded text and its synonyms; just the text when it has none. */
    public List<String> alternatives(String folded) {
        return synonyms.getOrDefault(folded, List.of(folded));
    }
}
