package dev.herald.benchmarks.matching;

import dev.herald.notification.matching.SubscriptionCriteria;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generated subscriptions in a plausible mix, the same for a seed and count: 70% keywords only (1 to 5,
 * mostly 1 or 2), 10% channels only, 8% units only, 7% keywords or units combined with another kind, and
 * 5% saved queries (two or three words, now and then quoted or with an exclusion, some within a channel).
 * Keywords and query words are drawn by Zipf popularity; channels and units uniformly from the ones the
 * report generator publishes in.
 */
final class SubscriptionMix {

    private static final double ZIPF_EXPONENT = 1.0;
    // how many keywords a keyword subscription has: 1 for 35%, 2 for 25%, 3 for 20%, 4 for 12%, 5 for 8%
    private static final int[] KEYWORD_COUNTS = {1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5};

    private final Zipf<String> words;
    private final List<String> channels;
    private final List<String> units;

    SubscriptionMix(List<String> vocabulary, List<String> channels, List<String> units) {
        this.words = new Zipf<>(vocabulary, ZIPF_EXPONENT);
        this.channels = List.copyOf(channels);
        this.units = List.copyOf(units);
    }

    List<SubscriptionCriteria> generate(int count, long seed) {
        Random random = new Random(seed);
        List<SubscriptionCriteria> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(one("sub-%07d".formatted(i), random));
        }
        return all;
    }

    private SubscriptionCriteria one(String id, Random random) {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return new SubscriptionCriteria(id, Set.of(), Set.of(), keywords(random), null);
        }
        if (roll < 80) {
            return new SubscriptionCriteria(id, some(channels, 1 + random.nextInt(2), random), Set.of(), List.of(), null);
        }
        if (roll < 88) {
            return new SubscriptionCriteria(id, Set.of(), some(units, 1 + random.nextInt(3), random), List.of(), null);
        }
        if (roll < 92) {
            return new SubscriptionCriteria(id, some(channels, 1, random), Set.of(), keywords(random), null);
        }
        if (roll < 94) {
            return new SubscriptionCriteria(id, Set.of(), some(units, 1, random), keywords(random), null);
        }
        if (roll < 95) {
            return new SubscriptionCriteria(id, some(channels, 1, random), some(units, 1, random), List.of(), null);
        }
        Set<String> channel = random.nextInt(3) == 0 ? some(channels, 1, random) : Set.of();
        return new SubscriptionCriteria(id, channel, Set.of(), List.of(), query(random));
    }

    private List<String> keywords(Random random) {
        int count = KEYWORD_COUNTS[random.nextInt(KEYWORD_COUNTS.length)];
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(words.draw(random));
        }
        return List.copyOf(chosen);
    }

    private String query(Random random) {
        StringBuilder query = new StringBuilder();
        int included = 2 + random.nextInt(2);
        for (int i = 0; i < included; i++) {
            String word = words.draw(random);
            query.append(random.nextInt(5) == 0 ? "\"" + word + "\"" : word).append(' ');
        }
        if (random.nextInt(10) < 3) {
            query.append('-').append(words.draw(random));
        }
        return query.toString().strip();
    }

    private static Set<String> some(List<String> from, int count, Random random) {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(count, from.size())) {
            chosen.add(from.get(random.nextInt(from.size())));
        }
        return chosen;
    }
}
