package dev.herald.corpus.relevance;

import java.util.List;

/** One ranker's scores over a judged set, with the means the table shows. */
public record RankerScores(String ranker, List<QueryScore> queries) {

    public RankerScores {
        queries = List.copyOf(queries);
    }

    public double meanNdcg() {
        return RelevanceMetrics.mean(queries.stream().map(QueryScore::ndcg).toList());
    }

    public double mrr() {
        return RelevanceMetrics.mean(queries.stream().map(QueryScore::reciprocalRank).toList());
    }

    /** The same ranker's scores on the queries of one category only. */
    public RankerScores in(QueryCategory category) {
        return new RankerScores(ranker, queries.stream().filter(q -> q.query().category() == category).toList());
    }
}
