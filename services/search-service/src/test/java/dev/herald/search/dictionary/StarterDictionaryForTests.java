package dev.herald.search.dictionary;

import java.time.Instant;

/** The starter dictionary as the service applies it before any administrator saves one. */
public final class StarterDictionaryForTests {

    private StarterDictionaryForTests() {
    }

    public static UserDictionary starter() {
        DictionaryDocument starter = StarterDictionary.document(Instant.EPOCH);
        return new UserDictionary(starter.phrases(), starter.synonyms(), 0);
    }
}
