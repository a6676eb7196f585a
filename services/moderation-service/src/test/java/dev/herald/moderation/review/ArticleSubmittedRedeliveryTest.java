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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission that reaches moderation again, under a new event id or after a crash that left no
 * processed record, makes one review per article revision: no second entry in its history, no decided
 * review reopened.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ArticleSubmittedRedeliveryTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final RequestPostProcessor MODERATOR = TestTokens.moderator("wang.fang");

    @Autowired
    MockMvcTester http;

    EventDeliveries events;

    @Autowired
    void deliveriesTo(MongoTemplate mongo) {
        events = new EventDeliveries(kafka, new ProcessedEvents(mongo.getDb()));
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aSubmissionDeliveredAgainAfterTheDecisionDoesNotReopenTheReview(Redelivery how) {
        String id = "rpt-" + UUID.randomUUID();
        Delivery submission = submit(id, 1, "已审核的报道");
        assertThat(decide(id, "approve", "{\"note\":\"内容属实\"}")).isEqualTo(200);
        String approved = review(id);

        events.redeliver(submission, how);

        assertThat(review(id)).isEqualTo(approved).contains("\"status\":\"APPROVED\"");
        assertThat(actions(approved, "submitted")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aRevisionDeliveredAgainEntersTheReviewOnce(Redelivery how) {
        String id = "rpt-" + UUID.randomUUID();
        submit(id, 1, "第一稿");
        assertThat(decide(id, "request-changes", "{\"message\":\"请补充活动时间\"}")).isEqualTo(200);
        Delivery revision = submit(id, 2, "第二稿");
        String revised = review(id);

        events.redeliver(revision, how);

        assertThat(review(id)).isEqualTo(revised).contains("\"status\":\"PENDING\"", "\"revision\":2", "第二稿");
        assertThat(actions(revised, "resubmitted")).isEqualTo(1);
        assertThat(Pattern.compile("\"changesRequested\":\"请补充活动时间\"").matcher(revised).results().count())
                .as("one past revision").isEqualTo(1);
    }

    private Delivery submit(String id, int revision, String title) {
        return events.deliver("article-submitted", id, "moderation.article-submitted", eventId -> """
                {"eventId":"%s","when":"2026-11-20T0%d:00:00Z","articleId":"%s","revision":%d,"unit":"南宁市中医医院党委",
                 "channel":"党建动态","title":"%s","body":"为深入学习贯彻党的二十大精神，医院党委组织党员开展主题党日活动。",
                 "tags":["党建"]}""".formatted(eventId, revision, id, revision, title));
    }

    private int decide(String id, String decision, String body) {
        return http.post().uri("/api/reviews/{id}/" + decision, id).with(MODERATOR)
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange().getResponse().getStatus();
    }

    private String review(String id) {
        return new String(http.get().with(MODERATOR).uri("/api/reviews/{id}", id).exchange().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static long actions(String review, String action) {
        return Pattern.compile("\"action\":\"" + action + "\"").matcher(review).results().count();
    }
}
