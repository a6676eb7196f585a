package dev.herald.support.outbox;

import dev.herald.infra.embedded.MovableClock;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.herald.events.ArticleRejected;
import dev.herald.events.HeraldEvents;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.support.events.EventCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two relays over the same collections, as two instances of a service run them. */
class OutboxRelayInstancesTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    /** One send as the broker saw it: which relay sent which event of which article. */
    private record Sent(String by, String article, String eventId) {
    }

    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final Outbox outbox = new Outbox(new EventCodec(JsonMapper.builder().build(), 1 << 20));
    private final List<OutboxRelay> started = new ArrayList<>();
    // threads of its own: the common pool may have a single thread on a small machine, which a held send would block
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private MongoTemplate mongo;
    private MongoCollection<Document> things;

    @BeforeEach
    void store() {
        mongo = new MongoTemplate(MongoClients.create(TestInfrastructure.mongo().connectionString()), "outbox-" + UUID.randomUUID());
        things = mongo.getCollection("things");
    }

    @AfterEach
    void stopRelays() {
        started.forEach(OutboxRelay::stop);
        threads.shutdownNow();
    }

    @Test
    void twoRelaysHintedAndSweepingTogetherSendEveryEventOnceAndEachArticlesEventsInOrder() throws Exception {
        OutboxRelay a = running("a");
        OutboxRelay b = running("b");
        int articles = 12;
        int rounds = 8;
        Map<String, List<String>> written = new LinkedHashMap<>();
        // two writers, as two instances taking requests; each hints its own relay, both relays also sweep
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> write(a, 0, articles / 2, rounds, written), threads);
        CompletableFuture<?> second = CompletableFuture.runAsync(() -> write(b, articles / 2, articles, rounds, written), threads);
        CompletableFuture.allOf(first, second).get(1, TimeUnit.MINUTES);

        await().atMost(Duration.ofMinutes(1)).until(() -> things.countDocuments(Filters.exists("outbox.eventId")) == 0);
        // every claim is released once the work is done; checked before stopping, since a relay interrupted by
        // stop() in the middle of a store call may leave one behind for its lease to end
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                mongo.getCollection(OutboxClaims.COLLECTION).countDocuments()).as("claims left behind").isZero());
        started.forEach(OutboxRelay::stop);

        assertThat(sent).extracting(Sent::eventId).doesNotHaveDuplicates().hasSize(articles * rounds);
        written.forEach((article, events) -> assertThat(sent.stream().filter(s -> s.article().equals(article)).map(Sent::eventId))
                .as("events of %s in the order they were written", article).containsExactlyElementsOf(events));
        assertThat(sent).extracting(Sent::by).contains("a", "b");
    }

    @Test
    void aClaimHeldByARelayThatDiedIsTakenOverOnceItsLeaseLapsesAndItsEventsAreSent() throws Exception {
        OutboxEvent e1 = entry("a1");
        OutboxEvent e2 = entry("a1");
        things.insertOne(new Document("_id", "a1").append("outbox", List.of(doc(e1), doc(e2))));
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        OutboxRelay dying = relay("dying", Clock.systemUTC(), (topic, message) -> {
            sending.countDown();
            block(never);
            return false; // its process is gone: the send never completed
        });
        CompletableFuture<Integer> diedSending = CompletableFuture.supplyAsync(dying::relayPending, threads);
        assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();
        MovableClock clock = new MovableClock();
        OutboxRelay survivor = relay("survivor", clock, recording("survivor"));

        assertThat(survivor.relayPending()).as("sent while the dead relay's claim is live").isZero();
        clock.advance(LEASE.plusSeconds(1));
        int taken = survivor.relayPending();

        assertThat(taken).isEqualTo(2);
        assertThat(sent).containsExactly(new Sent("survivor", "a1", e1.eventId()), new Sent("survivor", "a1", e2.eventId()));
        assertThat(things.find().first().getList("outbox", Document.class)).isEmpty();
        never.countDown();
        assertThat(diedSending.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aRelayRestartedUnderItsInstanceNameTakesOverItsKilledPredecessorsClaimsAtOnce() throws Exception {
        OutboxEvent e1 = entry("a1");
        things.insertOne(new Document("_id", "a1").append("outbox", List.of(doc(e1))));
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        OutboxRelay killed = relay("killed", "ingest-1", (topic, message) -> {
            sending.countDown();
            block(never);
            return false;
        });
        CompletableFuture<Integer> diedSending = CompletableFuture.supplyAsync(killed::relayPending, threads);
        assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();

        OutboxRelay otherInstance = relay("other", "ingest-2", recording("other"));
        assertThat(otherInstance.relayPending()).as("another instance still waits out the lease").isZero();
        OutboxRelay restarted = relay("restarted", "ingest-1", recording("restarted"));
        assertThat(restarted.relayPending()).as("the same instance, restarted, does not").isEqualTo(1);

        assertThat(sent).containsExactly(new Sent("restarted", "a1", e1.eventId()));
        never.countDown();
        assertThat(diedSending.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void eventsAddedWhileAnotherRelayHoldsTheDocumentAreSentByTheHolderWithoutWaitingForASweep() throws Exception {
        OutboxEvent e1 = entry("a5");
        things.insertOne(new Document("_id", "a5").append("outbox", List.of(doc(e1))));
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch acknowledge = new CountDownLatch(1);
        OutboxRelay holder = relay("holder", Clock.systemUTC(), (topic, message) -> {
            sending.countDown();
            block(acknowledge);
            return recording("holder").send(topic, message);
        });
        OutboxRelay other = relay("other", Clock.systemUTC(), recording("other"));
        holder.hint("things", "a5");
        CompletableFuture<Integer> holding = CompletableFuture.supplyAsync(holder::relayHinted, threads);
        assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();

        OutboxEvent e2 = entry("a5");
        things.updateOne(Filters.eq("_id", "a5"), Updates.push("outbox", doc(e2)));
        other.hint("things", "a5");
        assertThat(other.relayHinted()).as("sent by the relay refused the claim").isZero();
        acknowledge.countDown();

        assertThat(holding.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(sent).containsExactly(new Sent("holder", "a5", e1.eventId()), new Sent("holder", "a5", e2.eventId()));
    }

    @Test
    void aRelayWhoseClaimWasTakenOverMidDocumentSendsNothingMoreFromIt() throws Exception {
        OutboxEvent e1 = entry("a7");
        OutboxEvent e2 = entry("a7");
        things.insertOne(new Document("_id", "a7").append("outbox", List.of(doc(e1), doc(e2))));
        MovableClock clock = new MovableClock();
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch acknowledge = new CountDownLatch(1);
        OutboxRelay stalled = relay("stalled", clock, (topic, message) -> {
            sending.countDown();
            block(acknowledge);
            return recording("stalled").send(topic, message);
        });
        CompletableFuture<Integer> stalling = CompletableFuture.supplyAsync(stalled::relayPending, threads);
        assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(relay("successor", clock, recording("successor")).relayPending()).isEqualTo(2);

        acknowledge.countDown();

        assertThat(stalling.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(sent).extracting(Sent::by, Sent::eventId).doesNotContain(org.assertj.core.groups.Tuple.tuple("stalled", e2.eventId()));
    }

    private void write(OutboxRelay hinted, int from, int to, int rounds, Map<String, List<String>> written) {
        for (int round = 0; round < rounds; round++) {
            for (int i = from; i < to; i++) {
                String article = "article-" + i;
                OutboxEvent event = entry(article);
                synchronized (written) {
                    written.computeIfAbsent(article, k -> new ArrayList<>()).add(event.eventId());
                }
                things.updateOne(Filters.eq("_id", article), Updates.push("outbox", doc(event)), new UpdateOptions().upsert(true));
                hinted.hint("things", article);
            }
        }
    }

    private OutboxRelay running(String name) {
        OutboxRelay relay = new OutboxRelay(mongo, recording(name),
                new OutboxProperties(List.of("things"), Duration.ofMillis(5), Duration.ofMillis(20), "urn:herald:test", LEASE, null, 0, 0),
                new SimpleMeterRegistry());
        relay.start();
        started.add(relay);
        return relay;
    }

    private OutboxRelay relay(String name, String instance, EventSender sender) {
        return new OutboxRelay(mongo, sender, new OutboxProperties(List.of("things"), Duration.ofMillis(100),
                Duration.ofSeconds(5), "urn:herald:test", LEASE, instance, 0, 0), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    private OutboxRelay relay(String name, Clock clock, EventSender sender) {
        return new OutboxRelay(mongo, sender,
                new OutboxProperties(List.of("things"), Duration.ofMillis(100), Duration.ofSeconds(5), "urn:herald:test", LEASE, null, 0, 0),
                new SimpleMeterRegistry(), clock);
    }

    /** A broker that takes a moment to acknowledge, which is when two senders would overlap. */
    private EventSender recording(String by) {
        return (topic, message) -> {
            sent.add(new Sent(by, key(message), (String) message.getHeaders().get("ce_id")));
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return true;
        };
    }

    private static String key(Message<byte[]> message) {
        return new String((byte[]) message.getHeaders().get(OutboxRelay.MESSAGE_KEY_HEADER), StandardCharsets.UTF_8);
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private OutboxEvent entry(String articleId) {
        return outbox.entry(HeraldEvents.ARTICLE_REJECTED,
                new ArticleRejected(UUID.randomUUID(), Instant.now(), articleId, "某单位", "理由", "m", "OTHER"));
    }

    private static Document doc(OutboxEvent e) {
        return new Document("eventId", e.eventId()).append("type", e.type()).append("topic", e.topic())
                .append("key", e.key()).append("payload", e.payload()).append("when", Date.from(e.when()));
    }
}
