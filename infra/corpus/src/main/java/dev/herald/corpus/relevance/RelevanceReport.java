package dev.herald.corpus.relevance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs rankers over a judged set and tells how they did, as Markdown: one row per ranker for all queries,
 * then per category with the rankers on adjacent rows, so two searches read side by side. A module with a
 * search of its own adds it with {@link #with} beside the word-level baseline and prints {@link #table}.
 */
public final class RelevanceReport {

    /** The cut-off of both figures: what a reader sees on the first page. */
    public static final int K = 10;

    private final JudgedSet set;
    private final Map<String, Ranker> rankers = new LinkedHashMap<>();

    public RelevanceReport(JudgedSet set) {
        this.set = set;
    }

    public RelevanceReport with(String name, Ranker ranker) {
        if (rankers.putIfAbsent(name, ranker) != null) {
            throw new IllegalArgumentException("a ranker named " + name + " is already in the report");
        }
        return this;
    }

    public List<RankerScores> run() {
        List<RankerScores> all = new ArrayList<>();
        rankers.forEach((name, ranker) -> {
            List<QueryScore> scores = new ArrayList<>();
            for (JudgedQuery query : set.queries()) {
                List<String> ranking = ranker.rank(query.text(), K);
                scores.add(new QueryScore(query, ranking, RelevanceMetrics.ndcg(ranking, query.grades(), K),
                        RelevanceMetrics.reciprocalRank(ranking, query.grades(), K)));
            }
            all.add(new RankerScores(name, scores));
        });
        return all;
    }

    /** Runs the rankers and returns {@link #table} of the result. */
    public String markdown() {
        return table(run());
    }

    public static String table(List<RankerScores> scores) {
        StringBuilder out = new StringBuilder("| ranker | queries | n | nDCG@10 | MRR@10 |\n| --- | --- | ---: | ---: | ---: |\n");
        for (RankerScores ranker : scores) {
            row(out, ranker, "**all**");
        }
        for (QueryCategory category : QueryCategory.values()) {
            for (RankerScores ranker : scores) {
                RankerScores some = ranker.in(category);
                if (!some.queries().isEmpty()) {
                    row(out, some, category.label());
                }
            }
        }
        return out.toString();
    }

    /** Every query with each ranker's nDCG@10 and reciprocal rank: where the table's differences come from. */
    public static String perQuery(List<RankerScores> scores) {
        StringBuilder out = new StringBuilder("| query | category | relevant |");
        StringBuilder rule = new StringBuilder("| --- | --- | ---: |");
        for (RankerScores ranker : scores) {
            out.append(' ').append(ranker.ranker()).append(" nDCG | RR |");
            rule.append(" ---: | ---: |");
        }
        out.append('\n').append(rule).append('\n');
        for (int i = 0; i < scores.getFirst().queries().size(); i++) {
            JudgedQuery query = scores.getFirst().queries().get(i).query();
            out.append("| `").append(query.text().replace("|", "\\|")).append("` | ").append(query.category().label())
                    .append(" | ").append(query.grades().size()).append(" |");
            for (RankerScores ranker : scores) {
                QueryScore score = ranker.queries().get(i);
                out.append(' ').append(figure(score.ndcg())).append(" | ").append(figure(score.reciprocalRank())).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void row(StringBuilder out, RankerScores scores, String queries) {
        out.append("| ").append(scores.ranker()).append(" | ").append(queries).append(" | ").append(scores.queries().size())
                .append(" | ").append(figure(scores.meanNdcg())).append(" | ").append(figure(scores.mrr())).append(" |\n");
    }

    private static String figure(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
