package dev.herald.ingest.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A unit that may contribute reports. Its name is the one its access tokens carry; aliases are the other
 * ways pages write it (南宁市中医医院 for 南宁市中医医院党委).
 *
 * @param channels the channels it may submit to; empty means every registered channel
 * @param trusted  its feed items are submitted directly instead of waiting as drafts
 * @param unitSignOff its reports wait in ingest (AWAITING_UNIT_SIGN_OFF) until a UNIT_REVIEWER of the unit, its
 *                 responsible person, approves them; only then do they reach moderation
 */
@Document("units")
public record ContributingUnit(@Id String name, List<String> aliases, String parent, List<String> channels,
                               boolean trusted, boolean unitSignOff, @Version Long version, Instant updatedAt) {

    public ContributingUnit {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public boolean allows(String channel) {
        return channels.isEmpty() || channels.contains(channel);
    }
}
