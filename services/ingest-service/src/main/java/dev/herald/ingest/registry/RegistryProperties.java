package dev.herald.ingest.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param starter what an empty registry is filled with once, as a resource location: by default the channels
 *                seen in the wild and no units ({@code classpath:registry/local.json} adds the corpus units)
 * @param refresh how soon a change made through another instance is seen here
 */
@ConfigurationProperties("herald.ingest.registry")
public record RegistryProperties(String starter, Duration refresh) {

    public RegistryProperties {
        starter = starter == null || starter.isBlank() ? "classpath:registry/channels.json" : starter.strip();
        refresh = refresh == null ? Duration.ofSeconds(5) : refresh;
    }
}
