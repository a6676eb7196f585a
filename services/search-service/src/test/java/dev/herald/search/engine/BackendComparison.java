package dev.herald.search.engine;

import dev.herald.corpus.relevance.JudgedQuery;
import dev.herald.corpus.relevance.QueryCategory;
import dev.herald.corpus.relevance.QueryScore;
import dev.herald.corpus.relevance.RankerScores;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The judged set's scores of the embedded index and of the engine side by side, what {@code ./herald relevance}
 * prints: per category both nDCG@10 and both MRR@10, whether the engine is within {@link #TOLERANCE} of the
 * embedded index's nDCG@10, and every query the two rank differently, with their top three.
 */
record BackendComparison(RankerScores embedded, RankerScores engine) {

    /** How far the engine's nDCG@10 may be from the embedded index's, in any category, and still count as the same search. */
    static final double TOLERANCE = 0.02;
    /** Closer than this two scores are the same (both are printed to three decimals). */
    private static final double SAME = 0.0005;

    BackendComparison {
        if (embedded.queries().size() != engine.queries().size()) {
            throw new IllegalArgumentException("the two backends ran different query sets");
        }
    }

    /** The categories (and "all") where the engine's nDCG@10 is more than the tolerance away from the embedded index's. */
    List<String> outsideTolerance() {
        List<String> outside = new ArrayList<>();
        if (Math.abs(engine.meanNdcg() - embedded.meanNdcg()) > TOLERANCE) {
            outside.add("all");
        }
        for (QueryCategory category : QueryCategory.values()) {
            RankerScores mine = embedded.in(category);
            if (!mine.queries().isEmpty() && Math.abs(engine.in(category).meanNdcg() - mine.meanNdcg()) > TOLERANCE) {
                outside.add(category.label());
            }
        }
        return outside;
    }

    /** The queries whose nDCG@10 or reciprocal rank differs between the backends, in the judged set's order. */
    List<JudgedQuery> differing() {
        List<JudgedQuery> differing = new ArrayList<>();
        for (int i = 0; i < embedded.queries().size(); i++) {
            QueryScore mine = embedded.queries().get(i);
            QueryScore theirs = engine.queries().get(i);
            if (Math.abs(mine.ndcg() - theirs.ndcg()) > SAME || Math.abs(mine.reciprocalRank() - theirs.reciprocalRank()) > SAME) {
                differing.add(mine.query());
            }
        }
        return differing;
    }

    String markdown() {
        StringBuilder out = new StringBuilder("| queries | n | nDCG@10 embedded | nDCG@10 engine | difference | MRR@10 embedded | MRR@10 engine |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        row(out, "**all**", embedded, engine);
        for (QueryCategory category : QueryCategory.values()) {
            if (!embedded.in(category).queries().isEmpty()) {
                row(out, category.label(), embedded.in(category), engine.in(category));
            }
        }
        List<String> outside = outsideTolerance();
        out.append('\n').append(outside.isEmpty()
                ? "PASS: the engine is within " + TOLERANCE + " of the embedded index's nDCG@10 overall and in every category."
                : "FAIL: the engine is more than " + TOLERANCE + " away from the embedded index's nDCG@10 in: " + String.join(", ", outside) + ".")
                .append('\n');
        List<JudgedQuery> differing = differing();
        out.append('\n').append(differing.size()).append(" of ").append(embedded.queries().size())
                .append(" queries ranked differently").append(differing.isEmpty() ? ".\n" : ":\n\n");
        if (!differing.isEmpty()) {
            out.append("| query | category | nDCG embedded | nDCG engine | RR embedded | RR engine | top 3 embedded | top 3 engine |\n"
                    + "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n");
            for (int i = 0; i < embedded.queries().size(); i++) {
                QueryScore mine = embedded.queries().get(i);
                QueryScore theirs = engine.queries().get(i);
                if (differing.contains(mine.query())) {
                    out.append("| `").append(mine.query().text().replace("|", "\\|")).append("` | ").append(mine.query().category().label())
                            .append(" | ").append(figure(mine.ndcg())).append(" | ").append(figure(theirs.ndcg()))
                            .append(" | ").append(figure(mine.reciprocalRank())).append(" | ").append(figure(theirs.reciprocalRank()))
                            .append(" | ").append(top(mine)).append(" | ").append(top(theirs)).append(" |\n");
                }
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String queries, RankerScores mine, RankerScores theirs) {
        out.append("| ").append(queries).append(" | ").append(mine.queries().size())
                .append(" | ").append(figure(mine.meanNdcg())).append(" | ").append(figure(theirs.meanNdcg()))
                .append(" | ").append(String.format(Locale.ROOT, "%+.3f", theirs.meanNdcg() - mine.meanNdcg()))
                .append(" | ").append(figure(mine.mrr())).append(" | ").append(figure(theirs.mrr())).append(" |\n");
    }

    private static String top(QueryScore score) {
        return String.join(", ", score.ranking().subList(0, Math.min(3, score.ranking().size())));
    }

    private static String figure(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
