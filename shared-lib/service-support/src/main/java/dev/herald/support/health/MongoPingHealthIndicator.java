package dev.herald.support.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reports the store healthy when it answers {@code ping}. Boot's own indicator sends {@code hello},
 * which the embedded MongoDB-wire store does not implement; {@code ping} works on both it and MongoDB.
 */
public class MongoPingHealthIndicator implements HealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Health health() {
        try {
            mongo.getDb().runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", mongo.getDb().getName()).build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
