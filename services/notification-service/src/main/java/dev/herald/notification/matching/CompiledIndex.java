package dev.herald.notification.matching;

import dev.herald.text.KeywordText;
import dev.herald.text.PatternMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One immutable, fully built index over a set of subscriptions. Each subscription is posted under its
 * most selective criterion only (its anchor), so an article reaches just the subscriptions whose anchor it
 * hits, and each of those is then checked on everything else it asks for:
 * <ol>
 *   <li>units, when it names any: a unit publishes a small share of all articles;</li>
 *   <li>else the longest word or phrase its saved query includes: all of them must occur, so any one will
 *       do as the way in, and a longer one occurs more rarely;</li>
 *   <li>else each of its keywords, any of which may match;</li>
 *   <li>else its channels, the coarsest: a few channels share every article between them.</li>
 * </ol>
 * The text side is one Aho-Corasick pass over the article for every keyword and query term of every
 * subscription, then the keyword rule on each occurrence found. So the work for an article is its length,
 * the occurrences in it and the candidates its anchors reach, whatever the number of subscriptions.
 *
 * <p>Subscriptions are numbered in the order of their ids, so an id is found by binary search without a
 * map of a million entries; what each one asks for is kept as interned numbers in one flat array.
 */
final class CompiledIndex {

    private static final int[] NONE = new int[0];

    private final String[] ids;
    private final String[] queries;
    // per subscription, from offsets[o]: how many channels and their numbers, then units, keywords, included
    // terms and excluded terms the same way
    private final int[] offsets;
    private final int[] layout;
    private final Map<String, Integer> channelNumbers;
    private final Map<String, Integer> unitNumbers;
    private final String[] channels;
    private final String[] units;
    private final Term[] terms;
    private final Map<String, int[]> termsByText;
    private final PatternMatcher patterns;
    private final int[][] byChannel;
    private final int[][] byUnit;
    private final int[][] byTerm;

    private CompiledIndex(Builder b) {
        ids = b.ids;
        queries = b.queries;
        offsets = b.offsets;
        layout = b.layout.toArray();
        channelNumbers = b.channels.numbers;
        unitNumbers = b.units.numbers;
        channels = b.channels.values.toArray(String[]::new);
        units = b.units.values.toArray(String[]::new);
        terms = b.terms.values.toArray(Term[]::new);
        Map<String, IntList> byText = new HashMap<>();
        for (int t = 0; t < terms.length; t++) {
            byText.computeIfAbsent(terms[t].text(), k -> new IntList(1)).add(t);
        }
        termsByText = new HashMap<>(byText.size() * 2);
        byText.forEach((text, numbers) -> termsByText.put(text, numbers.toArray()));
        patterns = new PatternMatcher(termsByText.keySet());
        byChannel = postings(b.byChannel, channels.length);
        byUnit = postings(b.byUnit, units.length);
        byTerm = postings(b.byTerm, terms.length);
    }

    static CompiledIndex build(Collection<SubscriptionCriteria> subscriptions) {
        SubscriptionCriteria[] sorted = subscriptions.toArray(SubscriptionCriteria[]::new);
        Arrays.sort(sorted, Comparator.comparing(SubscriptionCriteria::subscriptionId));
        Builder builder = new Builder(sorted.length);
        for (int o = 0; o < sorted.length; o++) {
            if (o > 0 && sorted[o].subscriptionId().equals(sorted[o - 1].subscriptionId())) {
                throw new IllegalArgumentException("subscription " + sorted[o].subscriptionId() + " is given twice");
            }
            builder.add(o, sorted[o]);
        }
        builder.offsets[sorted.length] = builder.layout.size();
        return new CompiledIndex(builder);
    }

    int size() {
        return ids.length;
    }

    boolean contains(String id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    /** Adds what the article matches, leaving out the ids in {@code skip}. */
    void match(PreparedArticle article, Set<String> skip, List<SubscriptionMatch> out) {
        if (ids.length == 0) {
            return;
        }
        int channel = number(channelNumbers, article.channel());
        int unit = number(unitNumbers, article.unit());
        BitSet found = termsFound(article.text());
        IntList candidates = new IntList(64);
        if (channel >= 0) {
            candidates.addAll(byChannel[channel]);
        }
        if (unit >= 0) {
            candidates.addAll(byUnit[unit]);
        }
        for (int t = found.nextSetBit(0); t >= 0; t = found.nextSetBit(t + 1)) {
            candidates.addAll(byTerm[t]);
        }
        // a subscription is posted under each of its keywords, so several may bring it here
        int count = candidates.sortDistinct();
        for (int i = 0; i < count; i++) {
            int o = candidates.get(i);
            if (!skip.isEmpty() && skip.contains(ids[o])) {
                continue;
            }
            SubscriptionMatch match = check(o, channel, unit, found, article);
            if (match != null) {
                out.add(match);
            }
        }
    }

    private BitSet termsFound(KeywordText text) {
        BitSet found = new BitSet();
        for (PatternMatcher.Match occurrence : patterns.findAll(text.normalized())) {
            for (int t : termsByText.get(occurrence.pattern())) {
                if (!found.get(t) && (terms[t].phrase()
                        ? text.countsAsPhrase(occurrence.start(), occurrence.end())
                        : text.countsAsKeyword(occurrence.start(), occurrence.end()))) {
                    found.set(t);
                }
            }
        }
        return found;
    }

    private SubscriptionMatch check(int o, int channel, int unit, BitSet found, PreparedArticle article) {
        int p = offsets[o];
        int n = layout[p++];
        if (n > 0 && !holds(p, n, channel)) {
            return null;
        }
        String matchedChannel = n > 0 ? article.channel() : null;
        p += n;
        n = layout[p++];
        if (n > 0 && !holds(p, n, unit)) {
            return null;
        }
        String matchedUnit = n > 0 ? article.unit() : null;
        p += n;
        n = layout[p++];
        String keyword = null;
        for (int k = p; k < p + n && keyword == null; k++) {
            if (found.get(layout[k])) {
                keyword = terms[layout[k]].text();
            }
        }
        if (n > 0 && keyword == null) {
            return null;
        }
        p += n;
        n = layout[p++];
        for (int k = p; k < p + n; k++) {
            if (!found.get(layout[k])) {
                return null;
            }
        }
        p += n;
        n = layout[p++];
        for (int k = p; k < p + n; k++) {
            if (found.get(layout[k])) {
                return null;
            }
        }
        return new SubscriptionMatch(ids[o], matchedChannel, matchedUnit, keyword, queries[o]);
    }

    private boolean holds(int from, int count, int value) {
        for (int k = from; k < from + count; k++) {
            if (layout[k] == value) {
                return true;
            }
        }
        return false;
    }

    /** Every subscription as criteria again (keywords normalised, which matches the same), for rebuilding. */
    List<SubscriptionCriteria> criteria() {
        List<SubscriptionCriteria> all = new ArrayList<>(ids.length);
        for (int o = 0; o < ids.length; o++) {
            int p = offsets[o];
            Set<String> wantedChannels = new LinkedHashSet<>();
            int n = layout[p++];
            for (int k = 0; k < n; k++) {
                wantedChannels.add(channels[layout[p++]]);
            }
            Set<String> wantedUnits = new LinkedHashSet<>();
            n = layout[p++];
            for (int k = 0; k < n; k++) {
                wantedUnits.add(units[layout[p++]]);
            }
            List<String> keywords = new ArrayList<>();
            n = layout[p++];
            for (int k = 0; k < n; k++) {
                keywords.add(terms[layout[p++]].text());
            }
            all.add(new SubscriptionCriteria(ids[o], wantedChannels, wantedUnits, keywords, queries[o]));
        }
        return all;
    }

    private static int number(Map<String, Integer> numbers, String value) {
        if (value == null) {
            return -1;
        }
        Integer number = numbers.get(value);
        return number == null ? -1 : number;
    }

    // one list for every value known, posted under or not, so any number looked up has one
    private static int[][] postings(List<IntList> lists, int values) {
        int[][] postings = new int[values][];
        for (int i = 0; i < postings.length; i++) {
            IntList list = i < lists.size() ? lists.get(i) : null;
            postings[i] = list == null || list.size() == 0 ? NONE : list.toArray();
        }
        return postings;
    }

    /** Numbers values in the order first seen. */
    private static final class Interner<T> {
        final Map<T, Integer> numbers = new HashMap<>();
        final List<T> values = new ArrayList<>();

        int number(T value) {
            Integer number = numbers.get(value);
            if (number == null) {
                number = values.size();
                numbers.put(value, number);
                values.add(value);
            }
            return number;
        }
    }

    private static final class Builder {
        final String[] ids;
        final String[] queries;
        final int[] offsets;
        final IntList layout;
        final Interner<String> channels = new Interner<>();
        final Interner<String> units = new Interner<>();
        final Interner<Term> terms = new Interner<>();
        final List<IntList> byChannel = new ArrayList<>();
        final List<IntList> byUnit = new ArrayList<>();
        final List<IntList> byTerm = new ArrayList<>();

        Builder(int size) {
            ids = new String[size];
            queries = new String[size];
            offsets = new int[size + 1];
            layout = new IntList(size * 8);
        }

        void add(int o, SubscriptionCriteria criteria) {
            ids[o] = criteria.subscriptionId();
            queries[o] = criteria.savedQuery();
            offsets[o] = layout.size();
            Terms text = Terms.of(criteria.keywords(), criteria.savedQuery());
            int[] wantedChannels = write(criteria.channels(), channels);
            int[] wantedUnits = write(criteria.units(), units);
            int[] keywords = write(text.keywords().stream().map(k -> new Term(k, false)).toList(), terms);
            write(text.included(), terms);
            write(text.excluded(), terms);
            if (wantedUnits.length > 0) {
                post(byUnit, wantedUnits, o);
            } else if (!text.included().isEmpty()) {
                Term longest = text.included().stream()
                        .max(Comparator.comparingInt(t -> t.text().codePointCount(0, t.text().length()))).orElseThrow();
                post(byTerm, new int[]{terms.number(longest)}, o);
            } else if (keywords.length > 0) {
                post(byTerm, keywords, o);
            } else {
                post(byChannel, wantedChannels, o);
            }
        }

        private <T> int[] write(Collection<T> values, Interner<T> interner) {
            int[] numbers = new int[values.size()];
            layout.add(numbers.length);
            int i = 0;
            for (T value : values) {
                numbers[i] = interner.number(value);
                layout.add(numbers[i++]);
            }
            return numbers;
        }

        private static void post(List<IntList> postings, int[] keys, int o) {
            for (int key : keys) {
                while (postings.size() <= key) {
                    postings.add(null);
                }
                IntList list = postings.get(key);
                if (list == null) {
                    list = new IntList(2);
                    postings.set(key, list);
                }
                list.add(o);
            }
        }
    }
}
