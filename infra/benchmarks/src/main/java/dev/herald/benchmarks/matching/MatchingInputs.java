package dev.herald.benchmarks.matching;

import dev.herald.notification.matching.ArticleText;
import dev.herald.notification.matching.NaiveMatcher;
import dev.herald.notification.matching.SubscriptionCriteria;
import dev.herald.notification.matching.SubscriptionIndex;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.List;

/** The articles, and the subscriptions built into whichever matcher the benchmark measures (not both: memory). */
@State(Scope.Benchmark)
public class MatchingInputs {

    @Param({"10000", "100000", "1000000"})
    public int subscriptions;

    List<ArticleText> articles;
    SubscriptionIndex index;
    NaiveMatcher naive;

    @Setup
    public void setUp(BenchmarkParams params) {
        MatchingWorkload workload = MatchingWorkload.load();
        articles = workload.articles;
        List<SubscriptionCriteria> all = workload.subscriptions(subscriptions);
        if (params.getBenchmark().endsWith("naiveLoop")) {
            naive = new NaiveMatcher(all);
        } else {
            index = SubscriptionIndex.of(all);
        }
    }
}
