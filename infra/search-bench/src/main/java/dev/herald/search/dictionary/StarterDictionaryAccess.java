package dev.herald.search.dictionary;

import java.time.Instant;

/**
 * The starter dictionary the service applies while no administrator has saved one, which is the case in
 * the search benchmark; in the service's package so the benchmark needs no wider service API.
 */
public final class StarterDictionaryAccess {

    private StarterDictionaryAccess() {
    }

    public static UserDictionary starter() {
        DictionaryDocument starter = StarterDictionary.document(Instant.EPOCH);
        return new UserDictionary(starter.phrases(), starter.synonyms(), 0);
    }
}
