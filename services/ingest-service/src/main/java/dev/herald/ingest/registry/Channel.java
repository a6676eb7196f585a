package dev.herald.ingest.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A column reports are published under (党建新闻, 廉政教育 ...); {@code position} orders the list clients show. */
@Document("channels")
public record Channel(@Id String name, String description, int position, @Version Long version, Instant updatedAt) {
}
