package dev.herald.support.consumer;

import com.mongodb.client.MongoClients;
import dev.herald.events.ArticleRejected;
import dev.herald.infra.embedded.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotentConsumerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Instant now = Instant.parse("2026-11-20T03:00:02Z");
    private final MongoTemplate mongo =
            new MongoTemplate(MongoClients.create(TestInfrastructure.mongo().connectionString()), "guard-" + UUID.randomUUID());
    private final IdempotentConsumer once = new IdempotentConsumer(mongo, meters, Clock.fixed(now, ZoneOffset.UTC));
    private final ArticleRejected event = new ArticleRejected(UUID.randomUUID(), now.minusSeconds(2), "a1", "单位", "理由", "m", "OTHER");

    @Test
    void runsTheHandlerOnceAndSkipsRedeliveries() {
        AtomicInteger runs = new AtomicInteger();

        assertThat(once.handleOnce("test.consumer", event, runs::incrementAndGet)).isTrue();
        assertThat(once.handleOnce("test.consumer", event, runs::incrementAndGet)).isFalse();

        assertThat(runs).hasValue(1);
        assertThat(meters.counter("herald.events.consumed", "consumer", "test.consumer", "outcome", "processed").count()).isEqualTo(1);
        assertThat(meters.counter("herald.events.consumed", "consumer", "test.consumer", "outcome", "duplicate").count()).isEqualTo(1);
    }

    @Test
    void eachConsumerKeepsItsOwnRecord() {
        AtomicInteger runs = new AtomicInteger();

        once.handleOnce("first", event, runs::incrementAndGet);
        once.handleOnce("second", event, runs::incrementAndGet);

        assertThat(runs).hasValue(2);
    }

    @Test
    void aFailingHandlersErrorReachesTheBinderAndLeavesNoRecordSoTheRetryRunsIt() {
        AtomicInteger runs = new AtomicInteger();

        // the binder retries, pauses or dead-letters only what it sees fail; a swallowed error would commit the offset
        assertThatThrownBy(() -> once.handleOnce("flaky", event, () -> {
            throw new IllegalStateException("store briefly unavailable");
        })).isInstanceOf(IllegalStateException.class).hasMessage("store briefly unavailable");

        assertThat(mongo.count(new Query(), IdempotentConsumer.COLLECTION)).isZero();
        assertThat(meters.counter("herald.events.consumed", "consumer", "flaky", "outcome", "processed").count()).isZero();
        assertThat(once.handleOnce("flaky", event, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void recordsHowLongAfterItsOccurrenceTheEventTookEffect() {
        once.handleOnce("lagging", event, () -> { });

        var lag = meters.timer("herald.events.lag", "consumer", "lagging");
        assertThat(lag.count()).isEqualTo(1);
        assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(Duration.ofSeconds(2).toMillis());
    }
}
