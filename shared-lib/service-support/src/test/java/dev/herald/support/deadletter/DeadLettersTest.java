package dev.herald.support.deadletter;

import dev.herald.events.ArticleRejected;
import dev.herald.events.HeraldEvents;
import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import dev.herald.support.consumer.EventHandlers;
import dev.herald.support.events.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service whose one consumer fails events of units it does not know (a registry gap, not a passing
 * outage): such an event is dead-lettered at once, and an administrator sees, replays or discards it.
 */
@SpringBootTest(classes = DeadLettersTest.App.class, properties = {
        "spring.application.name=deadletter-test",
        "spring.cloud.function.definition=noteRejection",
        "spring.cloud.stream.bindings.noteRejection-in-0.destination=" + DeadLettersTest.TOPIC,
        "spring.cloud.stream.bindings.noteRejection-in-0.group=deadletter-test",
        "spring.cloud.stream.bindings.noteRejection-in-0.consumer.max-attempts=1",
        "spring.cloud.stream.kafka.bindings.noteRejection-in-0.consumer.enable-dlq=true",
        "spring.cloud.stream.kafka.bindings.noteRejection-in-0.consumer.dlq-name=" + DeadLettersTest.DLQ,
        "spring.cloud.stream.kafka.bindings.noteRejection-in-0.consumer.dlq-partitions=3"})
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class DeadLettersTest {

    static final String TOPIC = "dl-test-rejected";
    static final String DLQ = "dl-test-rejected.deadletter-test.dlq";
    static final String BASE = "/api/admin/dead-letters";

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvcTester http;
    @Autowired
    EventCodec codec;
    @Autowired
    Units units;
    @Autowired
    MeterRegistry meters;

    @Test
    void aFailedEventIsListedWithItsReasonAndReplayedOnceAfterTheCauseIsRemoved() {
        String unit = "未登记单位-" + UUID.randomUUID();
        double depthBefore = depth();
        ArticleRejected event = publish(unit);

        String id = awaitDeadLetter(event.articleId());
        await().until(() -> depth() == depthBefore + 1);
        JsonNode letter = body(http.get().uri(BASE + "/{id}", id).with(TestTokens.admin()));
        assertThat(letter.path("status").asString()).isEqualTo("PENDING");
        assertThat(letter.path("topic").asString()).isEqualTo(TOPIC);
        assertThat(letter.path("consumer").asString()).isEqualTo("noteRejection");
        assertThat(letter.path("key").asString()).isEqualTo(event.articleId());
        assertThat(letter.path("dlqTopic").asString()).isEqualTo(DLQ);
        assertThat(letter.path("partition").asInt()).isBetween(0, 2);
        assertThat(letter.path("offset").asLong()).isNotNegative();
        assertThat(letter.path("payload").asString()).contains(event.eventId().toString(), unit);
        assertThat(letter.path("reason").path("rootCause").asString()).contains("IllegalStateException", unit + " is not registered");
        assertThat(letter.path("reason").path("stackTrace").asString()).contains("is not registered");
        assertThat(letter.path("reason").path("exception").asString()).isNotBlank();

        // the cause is still there: the replay fails again, says why, and the letter stays open
        JsonNode failing = body(http.post().uri(BASE + "/{id}/replay", id).with(TestTokens.admin()));
        assertThat(failing.path("outcome").asString()).isEqualTo("FAILING");
        assertThat(failing.path("reason").asString()).contains(unit + " is not registered");
        assertThat(body(http.get().uri(BASE + "/{id}", id).with(TestTokens.admin())).path("status").asString()).isEqualTo("FAILING");
        assertThat(depth()).isEqualTo(depthBefore + 1);

        units.register(unit);
        JsonNode replayed = body(http.post().uri(BASE + "/{id}/replay", id).with(TestTokens.admin()));
        assertThat(replayed.path("outcome").asString()).isEqualTo("REPLAYED");
        assertThat(units.handled(event.eventId())).isEqualTo(1);
        assertThat(depth()).isEqualTo(depthBefore);

        JsonNode again = body(http.post().uri(BASE + "/{id}/replay", id).with(TestTokens.admin()));
        assertThat(again.path("outcome").asString()).isEqualTo("ALREADY_REPLAYED");
        assertThat(units.handled(event.eventId())).isEqualTo(1);
        JsonNode after = body(http.get().uri(BASE + "/{id}", id).with(TestTokens.admin()));
        assertThat(after.path("status").asString()).isEqualTo("REPLAYED");
        assertThat(after.path("replays")).hasSize(2);
        assertThat(after.path("replays").path(1).path("by").asString()).isEqualTo("admin");
        assertThat(http.delete().uri(BASE + "/{id}", id).with(TestTokens.admin())).hasStatus(409);
    }

    @Test
    void aDiscardedLetterIsKeptForTheRecordLeavesTheDepthAndIsNotReplayed() {
        String unit = "已撤销单位-" + UUID.randomUUID();
        double depthBefore = depth();
        ArticleRejected event = publish(unit);
        String id = awaitDeadLetter(event.articleId());
        await().until(() -> depth() == depthBefore + 1);

        JsonNode discarded = body(http.delete().uri(BASE + "/{id}", id).with(TestTokens.admin()));
        assertThat(discarded.path("status").asString()).isEqualTo("DISCARDED");
        assertThat(discarded.path("discardedBy").asString()).isEqualTo("admin");
        assertThat(depth()).isEqualTo(depthBefore);
        // discarding twice changes nothing
        assertThat(body(http.delete().uri(BASE + "/{id}", id).with(TestTokens.admin())).path("discardedAt"))
                .isEqualTo(discarded.path("discardedAt"));

        units.register(unit);
        assertThat(http.post().uri(BASE + "/{id}/replay", id).with(TestTokens.admin())).hasStatus(409)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode replayAll = body(http.post().uri(BASE + "/replay?topic={t}", TOPIC).with(TestTokens.admin()));
        assertThat(replayAll.path("deadLetters").valueStream().map(r -> r.path("id").asString())).doesNotContain(id);
        assertThat(units.handled(event.eventId())).isZero();
        assertThat(ids(BASE + "?status=DISCARDED&size=100")).contains(id);
        assertThat(ids(BASE + "?status=PENDING&size=100")).doesNotContain(id);
    }

    @Test
    void replayingAllHandsEachOpenLetterToItsConsumerOnceOldestFirst() {
        String unit = "新单位-" + UUID.randomUUID();
        ArticleRejected first = publish(unit);
        ArticleRejected second = publish(unit);
        String firstId = awaitDeadLetter(first.articleId());
        String secondId = awaitDeadLetter(second.articleId());
        units.register(unit);

        JsonNode report = body(http.post().uri(BASE + "/replay?consumer=noteRejection").with(TestTokens.admin()));

        assertThat(report.path("deadLetters").valueStream().filter(r -> r.path("outcome").asString().equals("REPLAYED"))
                .map(r -> r.path("id").asString())).contains(firstId, secondId);
        assertThat(units.handled(first.eventId())).isEqualTo(1);
        assertThat(units.handled(second.eventId())).isEqualTo(1);
        JsonNode twice = body(http.post().uri(BASE + "/replay?consumer=noteRejection").with(TestTokens.admin()));
        assertThat(twice.path("deadLetters").valueStream().map(r -> r.path("id").asString())).doesNotContain(firstId, secondId);
        assertThat(units.handled(first.eventId())).isEqualTo(1);
    }

    @Test
    void twoReplaysAtOnceRunTheHandlerOnce() throws Exception {
        String unit = "慢单位-" + UUID.randomUUID();
        ArticleRejected event = publish(unit);
        String id = awaitDeadLetter(event.articleId());
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        units.registerSlow(unit, inHandler, release);

        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(
                () -> body(http.post().uri(BASE + "/{id}/replay", id).with(TestTokens.admin())));
        assertThat(inHandler.await(30, TimeUnit.SECONDS)).as("the first replay reached the handler").isTrue();
        JsonNode second = body(http.post().uri(BASE + "/{id}/replay", id).with(TestTokens.admin()));
        release.countDown();

        assertThat(second.path("outcome").asString()).isEqualTo("BUSY");
        assertThat(first.get(30, TimeUnit.SECONDS).path("outcome").asString()).isEqualTo("REPLAYED");
        assertThat(units.handled(event.eventId())).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsSeeDeadLetters() {
        assertThat(http.get().uri(BASE)).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.get().uri(BASE).with(TestTokens.moderator("wang.fang"))).hasStatus(403)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.post().uri(BASE + "/replay").with(TestTokens.unit("某单位"))).hasStatus(403);
        assertThat(http.delete().uri(BASE + "/{id}", DLQ + "-0-0").with(TestTokens.subscriber("reader-1"))).hasStatus(403);
        assertThat(http.get().uri(BASE).with(TestTokens.admin())).hasStatusOk();
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedOnesAndFiltersAreBadRequests() {
        String unknown = DLQ + "-0-999999999";
        assertThat(http.get().uri(BASE + "/{id}", unknown).with(TestTokens.admin())).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.post().uri(BASE + "/{id}/replay", unknown).with(TestTokens.admin())).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.delete().uri(BASE + "/{id}", unknown).with(TestTokens.admin())).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        for (String bad : List.of("not-an-id", "x-1-" + "9".repeat(30), "a b-0-1", "{\"$gt\":\"\"}-0-1", "$where-0-1")) {
            assertThat(http.get().uri(BASE + "/{id}", bad).with(TestTokens.admin())).as(bad).hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
        }
        assertThat(http.delete().uri(BASE + "/{id}", "nope").with(TestTokens.admin())).hasStatus(400);
        assertThat(http.get().uri(BASE + "?size=0").with(TestTokens.admin())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
        assertThat(http.get().uri(BASE + "?page=-1").with(TestTokens.admin())).hasStatus(400);
        assertThat(http.get().uri(BASE + "?status=LOST").with(TestTokens.admin())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");
        assertThat(http.get().uri(BASE + "?topic={t}", "$where").with(TestTokens.admin())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("topic");
        assertThat(http.post().uri(BASE + "/replay?consumer={c}", "a.b c").with(TestTokens.admin())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("consumer");
    }

    private ArticleRejected publish(String unit) {
        ArticleRejected event = new ArticleRejected(UUID.randomUUID(), Instant.now(), "rpt-" + UUID.randomUUID(), unit,
                "正文含有网页导航", "wang.fang", "OTHER");
        kafka.publish(TOPIC, event.articleId(), codec.encode(event), Map.of("ce_id", event.eventId().toString()));
        return event;
    }

    private String awaitDeadLetter(String articleId) {
        return await().until(() -> body(http.get().uri(BASE + "?topic={t}&size=100", TOPIC).with(TestTokens.admin()))
                .path("deadLetters").valueStream().filter(l -> l.path("key").asString().equals(articleId))
                .map(l -> l.path("id").asString()).findFirst().orElse(null), id -> id != null);
    }

    private List<String> ids(String uri) {
        return body(http.get().uri(uri).with(TestTokens.admin())).path("deadLetters").valueStream()
                .map(l -> l.path("id").asString()).toList();
    }

    private double depth() {
        return meters.get("herald.deadletters.depth").tag("topic", TOPIC).gauge().value();
    }

    private static JsonNode body(MockMvcTester.MockMvcRequestBuilder request) {
        MvcTestResult result = request.exchange();
        assertThat(result).hasStatus2xxSuccessful();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    /** The units this service knows; an event of another unit cannot be handled until it is registered. */
    static class Units {

        private final Set<String> known = ConcurrentHashMap.newKeySet();
        private final Map<String, CountDownLatch[]> slow = new ConcurrentHashMap<>();
        private final Map<UUID, AtomicInteger> handled = new ConcurrentHashMap<>();

        void register(String unit) {
            known.add(unit);
        }

        void registerSlow(String unit, CountDownLatch inHandler, CountDownLatch release) {
            slow.put(unit, new CountDownLatch[]{inHandler, release});
            known.add(unit);
        }

        void accept(ArticleRejected event) {
            if (!known.contains(event.unit())) {
                throw new IllegalStateException("unit " + event.unit() + " is not registered");
            }
            CountDownLatch[] latches = slow.get(event.unit());
            if (latches != null) {
                latches[0].countDown();
                try {
                    latches[1].await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            handled.computeIfAbsent(event.eventId(), k -> new AtomicInteger()).incrementAndGet();
        }

        int handled(UUID eventId) {
            AtomicInteger count = handled.get(eventId);
            return count == null ? 0 : count.get();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Units units() {
            return new Units();
        }

        @Bean
        Consumer<Message<byte[]>> noteRejection(EventHandlers handlers, Units units) {
            return handlers.once("test.note-rejection", HeraldEvents.ARTICLE_REJECTED, units::accept);
        }
    }
}
