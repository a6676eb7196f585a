package dev.herald.searchbench;

import dev.herald.corpus.relevance.JudgedSet;
import dev.herald.search.analysis.Analyzers;
import dev.herald.text.ChineseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The queries every level runs: the 64 judged queries (names, places, units, traditional and full-width
 * forms, synonyms, pinyin, several words, quoted phrases), which are mostly rare in the generated
 * articles, and the words most frequent in generated titles, which match thousands of articles and are
 * what readers of a news site type most. Shuffled once with a fixed seed, so rare and common interleave.
 */
final class QueryMix {

    static final int FREQUENT_WORDS = 16;
    static final String FREQUENT_KIND = "frequent title words";

    private QueryMix() {
    }

    static List<BenchQuery> of(List<String> sampleTitles, long seed) {
        List<BenchQuery> queries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var judged : JudgedSet.load().queries()) {
            String kind = judged.category().label();
            queries.add(new BenchQuery(judged.text(), kind));
            seen.add(judged.text());
        }
        frequentWords(sampleTitles).stream().filter(seen::add).limit(FREQUENT_WORDS)
                .forEach(word -> queries.add(new BenchQuery(word, FREQUENT_KIND)));
        Collections.shuffle(queries, new Random(seed));
        return List.copyOf(queries);
    }

    /** Words of two or more Han characters as the service's segmenter cuts titles, most frequent first. */
    private static List<String> frequentWords(List<String> titles) {
        Map<String, Integer> counts = new HashMap<>();
        try (Analyzer words = Analyzers.words()) {
            for (String title : titles) {
                try (TokenStream tokens = words.tokenStream("title", title)) {
                    CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                    tokens.reset();
                    while (tokens.incrementToken()) {
                        String word = term.toString();
                        if (word.length() >= 2 && word.codePoints().allMatch(c -> ChineseText.containsHan(Character.toString(c)))) {
                            counts.merge(word, 1, Integer::sum);
                        }
                    }
                    tokens.end();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).limit(FREQUENT_WORDS * 2L).toList();
    }
}
