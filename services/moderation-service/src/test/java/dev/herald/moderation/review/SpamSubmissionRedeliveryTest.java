package dev.herald.moderation.review;

import dev.herald.infra.embedded.EventDeliveries;
import dev.herald.infra.embedded.EventDeliveries.Delivery;
import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.ProcessedEvents;
import dev.herald.infra.embedded.Redelivery;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spam rejected on arrival, delivered again under a new event id or after a crash that left no processed
 * record, is announced to its unit once. The threshold is {@link AutomaticRejectionTest}'s, whose context
 * this shares.
 */
@SpringBootTest(properties = "herald.screening.policy.auto-reject-score=40")
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class SpamSubmissionRedeliveryTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();

    @Autowired
    MockMvcTester http;

    @Autowired
    MongoTemplate mongo;

    EventDeliveries events;

    @Autowired
    void deliveriesTo(MongoTemplate mongo) {
        events = new EventDeliveries(kafka, new ProcessedEvents(mongo.getDb()));
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void spamDeliveredAgainIsRejectedAndAnnouncedOnce(Redelivery how) {
        String id = "rpt-" + UUID.randomUUID();
        Delivery spam = events.deliver("article-submitted", id, "moderation.article-submitted", eventId -> """
                {"eventId":"%s","when":"2026-11-20T08:00:00Z","articleId":"%s","unit":"某单位","channel":"党建动态",
                 "title":"报道","body":"澳门葡京百家乐,真人娱乐,注册送彩金,老虎机天天返水。澳门葡京欢迎您!"}"""
                .formatted(eventId, id));
        String rejected = review(id);
        assertThat(rejected).contains("\"status\":\"REJECTED\"");

        events.redeliver(spam, how);

        assertThat(review(id)).isEqualTo(rejected);
        // a second rejection would be in the review's outbox or already sent: wait for the outbox, then count
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(id, Review.class).getOutbox().isEmpty());
        assertThat(kafka.readToEnd("article-rejected")).filteredOn(r -> id.equals(r.key())).hasSize(1);
    }

    private String review(String id) {
        return new String(http.get().with(TestTokens.moderator("m")).uri("/api/reviews/{id}", id).exchange().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
