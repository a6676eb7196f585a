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

    private final List<Message<byte[]>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.Set<Object> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
    void anEventWrittenBackByASavePreparedBeforeItsPullIsPulledAgainNotSentAgain() {
        OutboxEvent submitted = entry("a5", "已发送");
        mongo.getCollection("things").insertOne(new Document("_id", "a5").append("outbox", List.of(doc(submitted))));
        OutboxRelay relay = relay();
        assertThat(relay.relayPending()).isEqualTo(1);

        // a request read the document before the pull, added an event and saved the whole document back
        OutboxEvent returned = entry("a5", "退回");
        mongo.getCollection("things").replaceOne(com.mongodb.client.model.Filters.eq("_id", "a5"),
                new Document("_id", "a5").append("outbox", List.of(doc(submitted), doc(returned))));

        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(sent).extracting(m -> m.getHeaders().get("ce_id")).containsExactly(submitted.eventId(), returned.eventId());
        assertThat(mongo.getCollection("things").find().first().getList("outbox", Document.class)).isEmpty();
        assertThat(meters.counter("herald.outbox.published").count()).isEqualTo(2);
    }

    @Test
    void whatWasSentIsRememberedForLongerThanAnyReadThenSaveAndThenForgotten() {
        OutboxRelay relay = relay();
        relay.start();
        try {
            Document ttl = mongo.getCollection(SentEvents.COLLECTION).listIndexes().into(new ArrayList<>()).stream()
                    .filter(index -> index.containsKey("expireAfterSeconds")).findFirst().orElseThrow();
            assertThat(ttl.get("key", Document.class)).containsOnlyKeys("at");
            assertThat(((Number) ttl.get("expireAfterSeconds")).longValue()).isEqualTo(Duration.ofDays(2).toSeconds());
        } finally {
            relay.stop();
        }
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
    void aPageOfHintedDocumentsCostsAFewStoreWritesNotThreePerEvent() {
        List<String> writes = java.util.Collections.synchronizedList(new ArrayList<>());
        MongoTemplate counted = new MongoTemplate(MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(TestInfrastructure.mongo().connectionString()))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        if (List.of("insert", "update", "delete", "findAndModify").contains(event.getCommandName())) {
                            writes.add(event.getCommandName());
                        }
                    }
                }).build()), mongo.getDb().getName());
        OutboxRelay relay = new OutboxRelay(counted, sender(), properties(), meters);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            docs.add(new Document("_id", "p" + i).append("outbox", List.of(doc(entry("p" + i, "第" + i + "条")))));
        }
        mongo.getCollection("things").insertMany(docs);
        docs.forEach(d -> relay.hint("things", d.get("_id")));

        assertThat(relay.relayHinted()).isEqualTo(40);

        assertThat(writes).as("claim the page, record its events as sent, pull them, release the claims")
                .containsExactly("insert", "insert", "update", "delete");
        assertThat(mongo.getCollection("things").countDocuments(com.mongodb.client.model.Filters.exists("outbox.eventId"))).isZero();
        assertThat(mongo.getCollection(OutboxClaims.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void anArticleWhoseEventFailedHoldsBackItsLaterEventsInOtherDocumentsWhileOtherArticlesLeave() {
        OutboxEvent first = entry("k1", "先");
        OutboxEvent later = entry("k1", "后");
        OutboxEvent other = entry("k2", "别的");
        mongo.getCollection("things").insertMany(List.of(
                new Document("_id", "d1").append("outbox", List.of(doc(first))),
                new Document("_id", "d2").append("outbox", List.of(doc(later))),
                new Document("_id", "d3").append("outbox", List.of(doc(other)))));
        failing.add(first.eventId());

        assertThat(relay().relayPending()).isEqualTo(1);
        assertThat(sent).extracting(m -> m.getHeaders().get("ce_id")).containsExactly(other.eventId());

        failing.clear();
        assertThat(relay().relayPending()).isEqualTo(2);
        assertThat(sent).extracting(m -> m.getHeaders().get("ce_id")).containsExactly(other.eventId(), first.eventId(), later.eventId());
    }

    @Test
    void eventsOfDifferentArticlesAreInFlightTogether() throws Exception {
        java.util.concurrent.CountDownLatch bothSending = new java.util.concurrent.CountDownLatch(2);
        List<Boolean> overlapped = java.util.Collections.synchronizedList(new ArrayList<>());
        OutboxRelay relay = new OutboxRelay(mongo, (topic, message) -> {
            bothSending.countDown();
            try {
                // acknowledged only once the other article's send has started too
                overlapped.add(bothSending.await(30, java.util.concurrent.TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return true;
        }, properties(), meters);
        mongo.getCollection("things").insertMany(List.of(
                new Document("_id", "x1").append("outbox", List.of(doc(entry("x1", "一")))),
                new Document("_id", "x2").append("outbox", List.of(doc(entry("x2", "二"))))));

        assertThat(relay.relayPending()).isEqualTo(2);
        assertThat(overlapped).containsExactly(true, true);
    }

    @Test
    void refusesToQueueAnEventThatBreaksItsContract() {
        var broken = new ArticleRejected(UUID.randomUUID(), Instant.now(), "a3", "某单位", " ", "m", "OTHER");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.entry(HeraldEvents.ARTICLE_REJECTED, broken))
                .hasMessageContaining("reason is missing");
    }

    private OutboxRelay relay() {
        return new OutboxRelay(mongo, sender(), properties(), meters);
    }

    private EventSender sender() {
        return (topic, message) -> {
            if (brokerDown || failing.contains(message.getHeaders().get("ce_id"))) {
                throw new IllegalStateException("broker unavailable");
            }
            sent.add(message);
            return true;
        };
    }

    private static OutboxProperties properties() {
        return new OutboxProperties(List.of("things"), Duration.ofMillis(100), Duration.ofSeconds(5), "urn:herald:test", null, null, 0, 0);
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
