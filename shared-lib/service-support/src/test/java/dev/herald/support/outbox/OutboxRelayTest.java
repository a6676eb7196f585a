package dev.herald.support.outbox;

import com.mongodb.client.MongoClients;
import dev.herald.events.ArticleRejected;
import dev.herald.events.HeraldEvents;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.support.events.EventCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayTest {

    private final List<Message<byte[]>> sent = new ArrayList<>();
    private final Outbox outbox = new Outbox(new EventCodec(JsonMapper.builder().build(), 1 << 20));
    private MongoTemplate mongo;
    private SimpleMeterRegistry meters;
    private boolean brokerDown;

    @BeforeEach
    void store() {
        mongo = new MongoTemplate(MongoClients.create(TestInfrastructure.mongo().connectionString()), "outbox-" + UUID.randomUUID());
        meters = new SimpleMeterRegistry();
    }

    @Test
    void sendsPendingEventsInOrderWithCloudEventHeadersThenRemovesThem() {
        OutboxEvent first = entry("a1", "第一");
        OutboxEvent second = entry("a1", "第二");
        mongo.getCollection("things").insertOne(new Document("_id", "a1").append("outbox", List.of(doc(first), doc(second))));

        int relayed = relay().relayPending();

        assertThat(relayed).isEqualTo(2);
        assertThat(sent).extracting(m -> m.getHeaders().get("ce_id")).containsExactly(first.eventId(), second.eventId());
        Message<byte[]> message = sent.getFirst();
        assertThat(message.getHeaders()).containsEntry("ce_type", "herald.article.rejected.v1")
                .containsEntry("ce_specversion", "1.0").containsEntry("ce_source", "urn:herald:test")
                .containsKey("ce_time");
        assertThat(new String((byte[]) message.getHeaders().get(OutboxRelay.MESSAGE_KEY_HEADER), StandardCharsets.UTF_8)).isEqualTo("a1");
        assertThat(new String(message.getPayload(), StandardCharsets.UTF_8)).contains("第一");
        assertThat(mongo.getCollection("things").find().first().getList("outbox", Document.class)).isEmpty();
        assertThat(meters.counter("herald.outbox.published").count()).isEqualTo(2);
    }

    @Test
    void aFailedSendKeepsThatEventAndEveryLaterOnePendingUntilTheBrokerIsBack() {
        mongo.getCollection("things").insertOne(new Document("_id", "a2")
                .append("outbox", List.of(doc(entry("a2", "一")), doc(entry("a2", "二")))));
        brokerDown = true;

        assertThat(relay().relayPending()).isZero();
        assertThat(mongo.getCollection("things").find().first().getList("outbox", Document.class)).hasSize(2);

        brokerDown = false;
        assertThat(relay().relayPending()).isEqualTo(2);
        assertThat(sent).extracting(m -> new String(m.getPayload(), StandardCharsets.UTF_8))
                .satisfiesExactly(p -> assertThat(p).contains("一"), p -> assertThat(p).contains("二"));
    }

    @Test
    void aHintedDocumentIsRelayedWithoutASweepAndOtherCollectionsAreIgnored() {
        mongo.getCollection("things").insertOne(new Document("_id", "a4").append("outbox", List.of(doc(entry("a4", "提示")))));
        mongo.getCollection("others").insertOne(new Document("_id", "x").append("outbox", List.of(doc(entry("x", "别处")))));
        OutboxRelay relay = relay();

        relay.hint("things", "a4");
        relay.hint("others", "x");

        assertThat(relay.relayHinted()).isEqualTo(1);
        assertThat(sent).singleElement().satisfies(m -> assertThat(new String(m.getPayload(), StandardCharsets.UTF_8)).contains("提示"));
    }

    @Test
    void refusesToQueueAnEventThatBreaksItsContract() {
        var broken = new ArticleRejected(UUID.randomUUID(), Instant.now(), "a3", "某单位", " ", "m", "OTHER");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.entry(HeraldEvents.ARTICLE_REJECTED, broken))
                .hasMessageContaining("reason is missing");
    }

    private OutboxRelay relay() {
        return new OutboxRelay(mongo, (topic, message) -> {
            if (brokerDown) {
                throw new IllegalStateException("broker unavailable");
            }
            sent.add(message);
            return true;
        }, new OutboxProperties(List.of("things"), Duration.ofMillis(100), Duration.ofSeconds(5), "urn:herald:test", null, null), meters);
    }

    private OutboxEvent entry(String articleId, String reason) {
        return outbox.entry(HeraldEvents.ARTICLE_REJECTED,
                new ArticleRejected(UUID.randomUUID(), Instant.now(), articleId, "某单位", reason, "m", "OTHER"));
    }

    private static Document doc(OutboxEvent e) {
        return new Document("eventId", e.eventId()).append("type", e.type()).append("topic", e.topic())
                .append("key", e.key()).append("payload", e.payload()).append("when", java.util.Date.from(e.when()));
    }
}
