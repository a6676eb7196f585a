package dev.herald.ingest.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/**
 * What holds for every contributing unit.
 *
 * @param unitsZone the zone units write their dates and times in when they give no offset, read by the
 *                  report submissions and the feed imports alike
 */
@ConfigurationProperties("herald.ingest")
public record UnitsProperties(ZoneId unitsZone) {

    public UnitsProperties {
        unitsZone = unitsZone == null ? ZoneId.of("Asia/Shanghai") : unitsZone;
    }
}
