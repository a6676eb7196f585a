package dev.herald.search.index;

import dev.herald.search.article.ArticleStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the index and the store disagree, article by article: a count alone misses a crash that lost one
 * publication and one retraction, or a newer version of an article already indexed.
 *
 * @param outdated live in the store but missing from the index or indexed at another version
 * @param gone     in the index but no longer live in the store (retracted, or never stored)
 */
record Divergence(List<String> outdated, Set<String> gone) {

    static Divergence between(Map<String, Integer> indexedVersions, ArticleStore store) {
        Map<String, Integer> unmatched = new HashMap<>(indexedVersions);
        List<String> outdated = new ArrayList<>();
        store.forEachVersion((id, version) -> {
            if (!version.equals(unmatched.remove(id))) {
                outdated.add(id);
            }
        });
        return new Divergence(outdated, Set.copyOf(unmatched.keySet()));
    }

    boolean none() {
        return outdated.isEmpty() && gone.isEmpty();
    }

    @Override
    public String toString() {
        return outdated.size() + " articles missing or outdated, " + gone.size() + " no longer published";
    }
}
