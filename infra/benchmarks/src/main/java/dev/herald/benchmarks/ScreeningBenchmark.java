package dev.herald.benchmarks;

import com.github.houbb.sensitive.word.support.result.WordResultHandlers;
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
 * Reports screened per second, one thread, every engine on the same lexicon and texts. One operation is
 * one report; each invocation goes through all of them so no engine is measured on a lucky text.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ScreeningInputs.REPORTS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScreeningBenchmark {

    /** Fold, match, apply the allow-list, map spans back: the part comparable to sensitive-word. */
    @Benchmark
    public void heraldLexicon(ScreeningInputs in, Blackhole out) {
        for (ReportTexts.Report report : in.reports) {
            out.consume(in.herald.find(report.body()));
        }
    }

    /** Everything screening does to a submission: lexicon and contacts on title and body, chrome, metadata, SimHash. */
    @Benchmark
    public void heraldScreen(ScreeningInputs in, Blackhole out) {
        for (ReportTexts.Report report : in.reports) {
            out.consume(in.screener.screen(report.title(), report.body()));
        }
    }

    /** Positions only (the raw handler), the cheapest way to ask it for every match. */
    @Benchmark
    public void sensitiveWord(ScreeningInputs in, Blackhole out) {
        for (ReportTexts.Report report : in.reports) {
            out.consume(in.sensitiveWord.findAll(report.body(), WordResultHandlers.raw()));
        }
    }

    @Benchmark
    public void sensitiveWordHeraldFolding(ScreeningInputs in, Blackhole out) {
        for (ReportTexts.Report report : in.reports) {
            out.consume(in.sensitiveWordHeraldFolding.findAll(report.body(), WordResultHandlers.raw()));
        }
    }
}
