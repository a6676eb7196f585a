package dev.herald.search.dictionary;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The user dictionary's one setting. It shares the {@code herald.search} prefix with the index's settings
 * ({@code IndexProperties}), each record owning its own keys.
 *
 * @param dictionaryRefreshInterval how often each instance checks for a dictionary another instance saved
 */
@ConfigurationProperties("herald.search")
public record DictionaryProperties(Duration dictionaryRefreshInterval) {

    public DictionaryProperties {
        dictionaryRefreshInterval = dictionaryRefreshInterval == null ? Duration.ofSeconds(10) : dictionaryRefreshInterval;
    }
}
