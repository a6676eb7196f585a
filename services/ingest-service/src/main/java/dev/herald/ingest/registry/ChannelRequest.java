package dev.herald.ingest.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

public record ChannelRequest(@Size(max = 300) String description, @Min(0) @Max(10_000) Integer position, Long version) {
}
