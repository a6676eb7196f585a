package dev.herald.ingest.report;

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
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moderation outcome that reaches ingest again, under a new event id or after a crash that left no
 * processed record, changes a report's status once: the first delivery's status and time stay, and a
 * decision taken in between is not undone.
 */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ModerationOutcomeRedeliveryTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final String UNIT = "南宁市中医医院党委";
    static final RequestPostProcessor NANNING = TestTokens.unit(UNIT);

    @Autowired
    MockMvcTester http;

    EventDeliveries events;

    @Autowired
    void deliveriesTo(MongoTemplate mongo) {
        events = new EventDeliveries(kafka, new ProcessedEvents(mongo.getDb()));
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aPublicationDeliveredAgainAfterItsRetractionLeavesTheReportRetracted(Redelivery how) {
        String id = submitted("将发布后撤回");
        Delivery publication = events.deliver("article-published", id, "ingest.article-published", eventId -> """
                {"eventId":"%s","when":"2098-01-01T00:00:00Z","articleId":"%s","version":1,"unit":"%s","channel":"党建动态",
                 "title":"t","body":"b","tags":[],"moderator":"m","publishedAt":"2098-01-01T00:00:00Z"}"""
                .formatted(eventId, id, UNIT));
        events.deliver("article-retracted", id, "ingest.article-retracted", eventId -> retraction(eventId, id));
        String retracted = view(id);

        events.redeliver(publication, how);

        assertThat(view(id)).isEqualTo(retracted).contains("\"status\":\"RETRACTED\"", "\"statusChangedAt\":\"2098-01-02T00:00:00Z\"");
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aRetractionDeliveredAgainChangesNothing(Redelivery how) {
        String id = submitted("撤回两次");
        events.deliver("article-published", id, "ingest.article-published", eventId -> """
                {"eventId":"%s","when":"2098-01-01T00:00:00Z","articleId":"%s","version":1,"unit":"%s","channel":"党建动态",
                 "title":"t","body":"b","tags":[],"moderator":"m","publishedAt":"2098-01-01T00:00:00Z"}"""
                .formatted(eventId, id, UNIT));
        Delivery retraction = events.deliver("article-retracted", id, "ingest.article-retracted", eventId -> retraction(eventId, id));
        String retracted = view(id);

        events.redeliver(retraction, how);

        assertThat(view(id)).isEqualTo(retracted).contains("\"status\":\"RETRACTED\"", "\"retractionReason\":\"活动日期有误\"");
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aRejectionDeliveredAgainChangesNothing(Redelivery how) {
        String id = submitted("将退回");
        Delivery rejection = events.deliver("article-rejected", id, "ingest.article-rejected", eventId -> """
                {"eventId":"%s","when":"2098-01-01T00:00:00Z","articleId":"%s","unit":"%s","reason":"含有网页导航","moderator":"m"}"""
                .formatted(eventId, id, UNIT));
        String rejected = view(id);

        events.redeliver(rejection, how);

        assertThat(view(id)).isEqualTo(rejected).contains("\"status\":\"REJECTED\"", "\"rejectionReason\":\"含有网页导航\"");
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aRequestForChangesDeliveredAgainAfterTheRevisionDoesNotReopenIt(Redelivery how) {
        String id = submitted("第一稿");
        Delivery request = events.deliver("article-changes-requested", id, "ingest.article-changes-requested", eventId -> """
                {"eventId":"%s","when":"2098-01-01T00:00:00Z","articleId":"%s","unit":"%s","revision":1,
                 "message":"请补充活动时间","moderator":"m"}""".formatted(eventId, id, UNIT));
        assertThat(http.post().uri("/api/reports/{id}/revisions", id).with(NANNING).contentType(MediaType.APPLICATION_JSON)
                .content(report("第二稿"))).hasStatus(202);
        String revised = view(id);

        events.redeliver(request, how);

        assertThat(view(id)).isEqualTo(revised).contains("\"status\":\"SUBMITTED\"", "\"revision\":2")
                .doesNotContain("请补充活动时间");
    }

    private static String retraction(java.util.UUID eventId, String id) {
        return """
                {"eventId":"%s","when":"2098-01-02T00:00:00Z","articleId":"%s","version":1,"unit":"%s",
                 "reason":"活动日期有误","moderator":"m"}""".formatted(eventId, id, UNIT);
    }

    private String submitted(String title) {
        MvcTestResult result = http.post().uri("/api/reports").with(NANNING).contentType(MediaType.APPLICATION_JSON)
                .content(report(title)).exchange();
        assertThat(result).hasStatus(202);
        return body(result).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private String view(String id) {
        return body(http.get().with(NANNING).uri("/api/reports/{id}", id).exchange());
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String report(String title) {
        return """
                {"channel":"党建动态","title":"%s","body":"医院党委组织党员开展主题党日活动。","tags":["党建"]}""".formatted(title);
    }
}
