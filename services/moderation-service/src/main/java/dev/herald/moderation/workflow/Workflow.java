package dev.herald.moderation.workflow;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * How one channel's reports (or one unit's in that channel) are reviewed. One workflow per channel and
 * unit, so which one applies is never a matter of order; a unit's own beats its channel's.
 *
 * @param unit       null for the whole channel
 * @param escalation the stage an important report needs after all the others
 */
@Document("workflows")
@CompoundIndex(name = "scope", def = "{ 'channel': 1, 'unit': 1 }", unique = true)
public record Workflow(@Id String name, String channel, String unit, List<Stage> stages, Stage escalation,
                       Instant updatedAt, String updatedBy) {

    Route route() {
        return new Route(name, stages, escalation);
    }
}
