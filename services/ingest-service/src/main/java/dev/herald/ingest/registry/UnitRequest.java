package dev.herald.ingest.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * @param unitSignOff the unit's reports wait for its own UNIT_REVIEWER's approval before they reach moderation
 * @param version     the version read before editing, to refuse overwriting someone else's change; absent replaces whatever is there
 */
public record UnitRequest(@Size(max = 20) List<@NotBlank @Size(max = 100) String> aliases,
                          @Size(max = 100) String parent,
                          @Size(max = 100) List<@NotBlank @Size(max = 50) String> channels,
                          Boolean trusted, Boolean unitSignOff, Long version) {
}
