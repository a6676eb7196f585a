package dev.herald.support.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxBytes the largest event payload a consumer decodes; a larger one breaks the contract and is
 *                 dead-lettered at once rather than read into memory
 */
@ConfigurationProperties("herald.events")
public record EventsProperties(Integer maxBytes) {

    public EventsProperties {
        maxBytes = maxBytes == null ? 1 << 20 : maxBytes;
    }
}
