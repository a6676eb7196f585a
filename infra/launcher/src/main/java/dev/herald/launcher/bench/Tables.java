package dev.herald.launcher.bench;

import java.util.List;
import java.util.Locale;

/** The open-loop benchmark's tables, in Markdown so that they can be pasted into docs/benchmarks.md. */
final class Tables {

    private Tables() {
    }

    static String sends(List<PipelineBench.RateResult> results) {
        StringBuilder t = new StringBuilder("""
                Sends (open loop; an answer's latency is timed from its send's slot; late: started > 50 ms after its slot;
                retried: 404 answers to approvals (the review not open yet), each tried again 250 ms later; an approval
                still refused after 10 s counts as failed):

                | rate /s | submitted /s | submit p50 / p99 ms | late, failed | approved /s | approve p50 / p99 ms | late, failed, retried |
                | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        for (PipelineBench.RateResult r : results) {
            t.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f / %.1f | %d, %d | %.1f | %.1f / %.1f | %d, %d, %d |%n", r.rate(),
                    r.submissions().acknowledgedPerSecond(), r.submissions().answerMillis(0.5), r.submissions().answerMillis(0.99),
                    r.submissions().late(), r.submissions().failed() + r.submissions().unanswered(),
                    r.approvals().acknowledgedPerSecond(), r.approvals().answerMillis(0.5), r.approvals().answerMillis(0.99),
                    r.approvals().late(), r.approvals().failed() + r.approvals().unanswered(), r.approvalsRetried()));
        }
        return t.toString();
    }

    static String stages(List<PipelineBench.RateResult> results, Floors.Figures floors) {
        StringBuilder t = new StringBuilder("""
                Stages, from the services' herald.pipeline.* histograms (scrape after the drain minus scrape before the rate;
                p50/p99 interpolated inside the bucket holding the rank, as Prometheus's histogram_quantile does; max: upper
                bound of the highest bucket reached; thirds: mean lag of what finished in the first and last third of the rate;
                drained: seconds from the last send until the stage had finished all it was given; finished /s: n over the rate's
                duration plus the drain):

                | rate /s | stage | n | finished /s | p50 ms | p99 ms | max <= ms | mean, first → last third ms | drained s | × floor p50 / p99 | lag |
                | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
                """);
        for (PipelineBench.RateResult r : results) {
            r.stages().forEach((stage, s) -> {
                BucketHistogram h = s.histogram();
                String ratio = "";
                if (floors != null) {
                    Floors.Floor floor = floors.of(stage);
                    ratio = String.format(Locale.ROOT, "%.1f× / %.1f×", h.quantile(0.5) * 1000 / floor.p50Millis(),
                            h.quantile(0.99) * 1000 / floor.p99Millis());
                }
                double drained = s.verdict().drainedAfter();
                String finished = Double.isNaN(drained) ? "" : String.format(Locale.ROOT, "%.1f", h.count() / (r.seconds() + drained));
                t.append(String.format(Locale.ROOT, "| %d | %s | %.0f of %.0f | %s | %.0f | %.0f | %.0f | %.0f → %.0f | %s | %s | %s |%n",
                        r.rate(), stage.label, h.count(), s.expected(), finished, h.quantile(0.5) * 1000, h.quantile(0.99) * 1000,
                        h.maxBound() * 1000, s.verdict().firstThirdMean() * 1000, s.verdict().lastThirdMean() * 1000,
                        Double.isNaN(s.verdict().drainedAfter()) ? "never" : String.format(Locale.ROOT, "%.1f", s.verdict().drainedAfter()),
                        ratio, s.verdict().bounded() ? "bounded" : s.verdict().why()));
            });
        }
        return t.toString();
    }

    static String verdict(List<PipelineBench.RateResult> results, LagRule rule) {
        String highest = results.stream().filter(PipelineBench.RateResult::bounded).mapToInt(PipelineBench.RateResult::rate).max()
                .stream().mapToObj(r -> r + "/s").findFirst().orElse("none of the rates tried");
        return String.format(Locale.ROOT, "Highest rate with bounded lag: %s. Rule: at least 95%% of the rate sent and every send"
                        + " acknowledged; for every stage, the backlog drained within %.0f s of the last send and the mean lag of"
                        + " the last third at most %.1f× the first third's + %.0f ms.", highest, rule.drainLimitSeconds(),
                rule.growthFactor(), rule.slackSeconds() * 1000);
    }
}
