package dev.herald.corpus.relevance;

import java.util.List;

/**
 * A search under evaluation: given a query as a reader types it, the ids of the judged articles it finds,
 * best first, at most {@code k}. It must have indexed {@link JudgedSet#articles()} beforehand.
 */
@FunctionalInterface
public interface Ranker {

    List<String> rank(String query, int k);
}
