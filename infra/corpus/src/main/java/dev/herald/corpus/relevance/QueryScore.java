package dev.herald.corpus.relevance;

import java.util.List;

/** How one ranker did on one query: what it returned and the two figures. */
public record QueryScore(JudgedQuery query, List<String> ranking, double ndcg, double reciprocalRank) {

    public QueryScore {
        ranking = List.copyOf(ranking);
    }
}
