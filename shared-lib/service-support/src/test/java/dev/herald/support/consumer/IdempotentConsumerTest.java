package dev.herald.support.consumer;

import com.mongodb.client.MongoClients;
import dev.herald.events.ArticleRejected;
import dev.herald.infra.embedded.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotentConsumerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Instant now = Instant.parse("2026-11-20T03:00:02Z");
    private final IdempotentConsumer once = new IdempotentConsumer(
            new MongoTemplate(MongoClients.create(TestInfrastructure.mongo().connectionString()), "guard-" + UUID.randomUUID()),
            meters, Clock.fixed(now, ZoneOffset.UTC));
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
    void aFailingHandlerLeavesNoRecordSoTheRetryRunsIt() {
        AtomicInteger runs = new AtomicInteger();
        try {
            once.handleOnce("flaky", event, () -> {
                throw new IllegalStateException("store briefly unavailable");
            });
        } catch (IllegalStateException expected) {
            // the binder retries the message
        }

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
