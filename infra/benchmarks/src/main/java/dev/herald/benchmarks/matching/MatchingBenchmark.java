package dev.herald.benchmarks.matching;

import dev.herald.notification.matching.ArticleText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Milliseconds to match one published article against every subscription, one thread: through the index,
 * and by the loop over each subscription. One operation is one article; each invocation goes through the
 * same {@value MatchingWorkload#ARTICLES} articles, so both are measured on the same texts whatever their
 * speed. The loop gets fewer, shorter iterations: at a million subscriptions one invocation takes seconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@OperationsPerInvocation(MatchingWorkload.ARTICLES)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class MatchingBenchmark {

    @Benchmark
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 10, time = 2)
    public void index(MatchingInputs in, Blackhole out) {
        for (ArticleText article : in.articles) {
            out.consume(in.index.match(article));
        }
    }

    @Benchmark
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void naiveLoop(MatchingInputs in, Blackhole out) {
        for (ArticleText article : in.articles) {
            out.consume(in.naive.match(article));
        }
    }
}
