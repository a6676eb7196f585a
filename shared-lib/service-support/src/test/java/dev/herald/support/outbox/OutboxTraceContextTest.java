package dev.herald.support.outbox;

import com.mongodb.client.MongoClients;
import dev.herald.events.ArticleRejected;
import dev.herald.events.HeraldEvents;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.support.events.EventCodec;
import dev.herald.support.tracing.RecordingTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox keeps the trace an event was written in, and its relay, on a thread of its own, sends in that trace. */
class OutboxTraceContextTest {

    private final RecordingTracing tracing = new RecordingTracing();
    private final Tracer tracer = tracing.tracer;
    private final Outbox outbox = new Outbox(new EventCodec(JsonMapper.builder().build(), 1 << 20), tracing.traces);
    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(TestInfrastructure.mongo().connectionString()),
            "outbox-trace-" + UUID.randomUUID());
    private final List<TraceContext> sentIn = new ArrayList<>();

    @Test
    void anEventWrittenInsideASpanCarriesThatSpansTraceparent() {
        Span request = tracer.nextSpan().name("POST /api/reports").start();
        OutboxEvent entry;
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            entry = entry("a1");
        } finally {
            request.end();
        }

        assertThat(entry.traceparent()).isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
    }

    @Test
    void anEventWrittenOutsideAnyTraceCarriesNone() {
        assertThat(entry("a2").traceparent()).isNull();
    }

    @Test
    void theRelaySendsAsAChildOfTheSpanTheEventWasWrittenInThoughThatSpanEndedLongAgo() {
        Span request = tracer.nextSpan().name("POST /api/reports").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            store("a3", entry("a3"));
        } finally {
            request.end();
        }
        assertThat(tracer.currentSpan()).isNull();

        assertThat(relay().relayPending()).isEqualTo(1);

        SpanData relayed = tracing.named("outbox relay");
        assertThat(relayed.getTraceId()).isEqualTo(request.context().traceId());
        assertThat(relayed.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(relayed.getAttributes().asMap().values()).contains("herald.article.rejected.v1", "article-rejected");
        // what the sender (the binder's producer observation) sees in scope is that span
        assertThat(sentIn).singleElement().satisfies(context -> {
            assertThat(context.traceId()).isEqualTo(request.context().traceId());
            assertThat(context.spanId()).isEqualTo(relayed.getSpanId());
        });
    }

    @Test
    void anEventStoredBeforeTracesWereKeptIsStillSentInATraceOfItsOwn() {
        OutboxEvent untraced = entry("a4");
        store("a4", untraced);

        assertThat(relay().relayPending()).isEqualTo(1);

        assertThat(tracing.named("outbox relay").getParentSpanContext().isValid()).isFalse();
        assertThat(sentIn).hasSize(1);
    }

    @Test
    void workContinuingAStoredContextJoinsItsTraceAndLinksTheTraceInScope() {
        Span review = tracer.nextSpan().name("handle moderation.article-submitted").start();
        String stored;
        try (Tracer.SpanInScope ignored = tracer.withSpan(review)) {
            stored = tracing.traces.current();
        } finally {
            review.end();
        }
        Span approval = tracer.nextSpan().name("POST /api/reviews/{id}/approve").start();
        String written;
        try (Tracer.SpanInScope ignored = tracer.withSpan(approval)) {
            written = tracing.traces.inSpan("moderation decision", stored, Map.of(), () -> tracing.traces.current());
        } finally {
            approval.end();
        }

        SpanData decision = tracing.named("moderation decision");
        assertThat(decision.getTraceId()).isEqualTo(review.context().traceId());
        assertThat(decision.getParentSpanId()).isEqualTo(review.context().spanId());
        assertThat(decision.getLinks()).singleElement()
                .satisfies(link -> assertThat(link.getSpanContext().getTraceId()).isEqualTo(approval.context().traceId()));
        assertThat(written).contains(review.context().traceId()).contains(decision.getSpanId());
    }

    private OutboxEvent entry(String articleId) {
        return outbox.entry(HeraldEvents.ARTICLE_REJECTED,
                new ArticleRejected(UUID.randomUUID(), Instant.now(), articleId, "某单位", "理由", "m", "OTHER"));
    }

    private void store(String id, OutboxEvent e) {
        Document entry = new Document("eventId", e.eventId()).append("type", e.type()).append("topic", e.topic())
                .append("key", e.key()).append("payload", e.payload()).append("when", Date.from(e.when()));
        if (e.traceparent() != null) {
            entry.append("traceparent", e.traceparent());
        }
        mongo.getCollection("things").insertOne(new Document("_id", id).append("outbox", List.of(entry)));
    }

    private OutboxRelay relay() {
        return new OutboxRelay(mongo, (topic, message) -> {
            Span inScope = tracer.currentSpan();
            sentIn.add(inScope == null ? null : inScope.context());
            return true;
        }, new OutboxProperties(List.of("things"), Duration.ofMillis(100), Duration.ofSeconds(5), "urn:herald:test", null, null, 0, 0),
                new SimpleMeterRegistry(), Clock.systemUTC(), tracing.traces);
    }
}
