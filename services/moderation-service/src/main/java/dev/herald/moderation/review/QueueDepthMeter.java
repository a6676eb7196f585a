package dev.herald.moderation.review;

import dev.herald.moderation.ModerationProperties;
import dev.herald.moderation.screening.Verdict;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many reviews wait for a moderator, by verdict. Counted on a schedule rather than on every
 * scrape, so a busy metrics endpoint cannot turn into a stream of queries.
 */
@Component
class QueueDepthMeter implements SchedulingConfigurer {

    private final MongoTemplate mongo;
    private final Duration interval;
    private final Map<Verdict, AtomicLong> depth = new EnumMap<>(Verdict.class);

    QueueDepthMeter(MongoTemplate mongo, MeterRegistry meters, ModerationProperties settings) {
        this.mongo = mongo;
        this.interval = settings.queueDepthInterval();
        for (Verdict verdict : Verdict.values()) {
            AtomicLong count = new AtomicLong();
            depth.put(verdict, count);
            Gauge.builder("herald.moderation.queue", count, AtomicLong::get)
                    .description("Pending reviews by screening verdict, as of the last count")
                    .tag("verdict", verdict.name())
                    .register(meters);
        }
    }

    /** The first count a second after start, so the gauges are soon right; then one every interval. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::count, interval, Duration.ofSeconds(1)));
    }

    void count() {
        for (Verdict verdict : Verdict.values()) {
            depth.get(verdict).set(mongo.count(Query.query(Criteria.where("status").is(ReviewStatus.PENDING)
                    .and("screening.verdict").is(verdict)), Review.class));
        }
    }

    long depth(Verdict verdict) {
        return depth.get(verdict).get();
    }
}
