package dev.herald.benchmarks.matching;

import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.RealReports;
import dev.herald.corpus.ReportGenerator;
import dev.herald.notification.matching.ArticleText;
import dev.herald.notification.matching.SubscriptionCriteria;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What every matching run uses, the same on each: {@value #ARTICLES} articles from the report generator,
 * and subscriptions drawn from a vocabulary and the units and channels of 500 other generated reports
 * (plus the three real ones). Subscriptions of one count are the first ones of any larger count.
 */
final class MatchingWorkload {

    static final int ARTICLES = 16;
    static final int VOCABULARY = 4_000;
    private static final long ARTICLE_SEED = 2026;
    private static final long BACKGROUND_SEED = 7;
    private static final long SUBSCRIPTION_SEED = 11;

    final List<ArticleText> articles;
    final List<String> vocabulary;
    final List<String> channels;
    final List<String> units;
    private final SubscriptionMix mix;

    private MatchingWorkload(List<ArticleText> articles, List<String> vocabulary, List<String> channels, List<String> units) {
        this.articles = articles;
        this.vocabulary = vocabulary;
        this.channels = channels;
        this.units = units;
        this.mix = new SubscriptionMix(vocabulary, channels, units);
    }

    static MatchingWorkload load() {
        List<ArticleText> articles = new ReportGenerator(ARTICLE_SEED).stream(ARTICLES)
                .map(r -> new ArticleText(r.channel(), r.unit(), r.title(), r.subtitle(), r.body())).toList();
        List<GeneratedReport> background = new ArrayList<>(new ReportGenerator(BACKGROUND_SEED).stream(500).toList());
        background.addAll(RealReports.all());
        TreeSet<String> channels = new TreeSet<>();
        TreeSet<String> units = new TreeSet<>();
        background.forEach(r -> {
            channels.add(r.channel());
            units.add(r.unit());
        });
        return new MatchingWorkload(articles, SubscriberVocabulary.build(background, VOCABULARY, BACKGROUND_SEED),
                List.copyOf(channels), List.copyOf(units));
    }

    List<SubscriptionCriteria> subscriptions(int count) {
        return mix.generate(count, SUBSCRIPTION_SEED);
    }

    double meanArticleLength() {
        return articles.stream().mapToInt(a -> length(a.title()) + length(a.subtitle()) + length(a.body())).average().orElse(0);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
