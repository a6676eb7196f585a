package dev.herald.notification;

import dev.herald.infra.embedded.EventDeliveries;
import dev.herald.infra.embedded.ProcessedEvents;
import org.springframework.data.mongodb.core.MongoTemplate;
import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.WebhookReceiver;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as deployed, on the shared embedded broker and store, with the webhook retry schedule
 * shrunk to fractions of a second and without jitter, and loopback allowed for the test receiver.
 * Subscriptions live for the whole run, so each test filters on values of its own (a random unit,
 * channel or token) that no other test's articles carry.
 */
@SpringBootTest(properties = {
        "herald.notification.webhook.schedule=0s,150ms,300ms,300ms",
        "herald.notification.webhook.jitter=0",
        "herald.notification.webhook.poll-interval=50ms",
        "herald.notification.webhook.connect-timeout=500ms",
        "herald.notification.webhook.timeout=700ms",
        "herald.notification.webhook.backlog-interval=100ms",
        "herald.notification.webhook.allow-loopback=true"})
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
public abstract class ComponentTest {

    protected static final String TOPIC = "article-published";

    protected static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    protected static WebhookReceiver receiver;

    @Autowired
    protected MockMvcTester http;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected MeterRegistry meters;
    /** Delivers events to the service's consumers through the broker, and again in the ways redeliveries come. */
    protected EventDeliveries events;

    @Autowired
    void deliveriesTo(MongoTemplate mongo) {
        events = new EventDeliveries(kafka, new ProcessedEvents(mongo.getDb()));
    }


    @BeforeAll
    static void clients() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void closeClients() {
        receiver.close();
    }

    protected static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Subscribes as the subscriber the token names; whose subscription it is never comes from the body. */
    protected MvcTestResult subscribe(String subscriber, String body) {
        return http.post().uri("/api/subscriptions").with(TestTokens.subscriber(subscriber))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    /** Creates a subscription for the subscriber and returns its id. */
    protected String subscribed(String subscriber, String body) {
        MvcTestResult result = subscribe(subscriber, body);
        assertThat(result).hasStatus(201);
        return read(result).get("id").asString();
    }

    /** The subscriber's own inbox, read with their token. */
    protected JsonNode inbox(String subscriber) {
        MvcTestResult result = http.get().uri("/api/subscribers/{s}/notifications", subscriber)
                .with(TestTokens.subscriber(subscriber)).exchange();
        assertThat(result).hasStatusOk();
        return read(result);
    }

    protected JsonNode read(MvcTestResult result) {
        return json.readTree(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    /**
     * Publishes with an explicit record key: events sharing a key land on one partition and are consumed
     * in order, so once the last of them has been handled the earlier ones have been too.
     */
    protected static void publish(String key, String event) {
        kafka.publish(TOPIC, key, event, Map.of());
    }

    protected static String article(String eventId, String articleId, String unit, String channel, String title,
                                    String body) {
        return """
                {"eventId":"%s","when":"2026-11-20T03:00:00Z","articleId":"%s","version":1,"unit":"%s",
                 "channel":"%s","title":"%s","subtitle":"——传承红色基因 践行初心使命","body":"%s",
                 "author":"党委办公室","sourceUrl":"https://example.org/news/1.html","tags":["党建"],
                 "moderator":"wang.fang","publishedAt":"2026-11-20T03:00:00Z"}"""
                .formatted(eventId, articleId, unit, channel, title, body);
    }

    protected static String article(String articleId, String unit, String channel, String title, String body) {
        return article(UUID.randomUUID().toString(), articleId, unit, channel, title, body);
    }

    protected double counted(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
