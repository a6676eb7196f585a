package dev.herald.search.index;

import dev.herald.infra.embedded.EventDeliveries;
import dev.herald.infra.embedded.EventDeliveries.Delivery;
import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.ProcessedEvents;
import dev.herald.infra.embedded.Redelivery;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A publication or retraction that reaches search again, under a new event id or after a crash that left
 * no processed record, leaves one document per article, of its newest version, or none once retracted.
 */
@SpringBootTest(properties = "herald.search.index-path=${java.io.tmpdir}/search-index-test-${random.uuid}")
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ArticleRedeliveryTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final String BODY = "医院党委组织党员赴革命纪念馆开展主题党日活动,重温入党誓词,缅怀革命先烈,接受红色教育。";

    @Autowired
    MockMvcTester http;

    EventDeliveries events;

    /** Each search instance records what it processed under its own name. */
    @Autowired
    SearchInstance instance;

    @Autowired
    void deliveriesTo(MongoTemplate mongo) {
        events = new EventDeliveries(kafka, new ProcessedEvents(mongo.getDb()));
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aPublicationDeliveredAgainIsStillOneHit(Redelivery how) {
        String unit = unit();
        String id = newId();
        Delivery publication = publish(id, 1, unit, "纪念馆里重温誓词");

        events.redeliver(publication, how);

        assertHits(unit, 1, "纪念馆里重温誓词");
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void anOlderVersionDeliveredAgainAfterTheNewerLeavesTheNewerFound(Redelivery how) {
        String unit = unit();
        String id = newId();
        Delivery first = publish(id, 1, unit, "第一版标题");
        publish(id, 2, unit, "第二版标题");

        events.redeliver(first, how);

        assertHits(unit, 1, "第二版标题");
        assertThat(http.get().uri("/api/articles/{id}", id)).bodyJson().extractingPath("$.version").isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aPublicationDeliveredAgainAfterItsRetractionStaysOut(Redelivery how) {
        String unit = unit();
        String id = newId();
        Delivery publication = publish(id, 1, unit, "已撤下的报道");
        retract(id, 1, unit);

        events.redeliver(publication, how);

        assertHits(unit, 0, null);
        assertThat(http.get().uri("/api/articles/{id}", id)).hasStatus(404);
    }

    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aRetractionDeliveredAgainDoesNotTakeDownALaterPublication(Redelivery how) {
        String unit = unit();
        String id = newId();
        publish(id, 1, unit, "撤下前的版本");
        Delivery retraction = retract(id, 1, unit);
        publish(id, 2, unit, "重新发布的版本");

        events.redeliver(retraction, how);

        assertHits(unit, 1, "重新发布的版本");
    }

    /**
     * Searches see writes at the next reader refresh, so a marker written after the redelivery is
     * awaited first: once it is found, so is every write before it, a second document included.
     */
    private void assertHits(String unit, int total, String title) {
        String marker = unit();
        publish(newId(), 1, marker, "标记");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(search(marker)).bodyJson()
                .extractingPath("$.total").isEqualTo(1));

        var hits = assertThat(search(unit)).hasStatusOk().bodyJson();
        hits.extractingPath("$.total").isEqualTo(total);
        if (title != null) {
            hits.extractingPath("$.hits[0].title").isEqualTo(title);
        }
    }

    private MockMvcTester.MockMvcRequestBuilder search(String unit) {
        return http.get().uri("/api/search").param("q", "党员").param("unit", unit);
    }

    private Delivery publish(String id, int version, String unit, String title) {
        return events.deliver("article-published", id, instance.consumer("article-published"), eventId -> """
                {"eventId":"%s","when":"2026-11-20T0%d:00:00Z","articleId":"%s","version":%d,"unit":"%s",
                 "channel":"党建动态","title":"%s","body":"%s","tags":["党建"],"moderator":"wang.fang",
                 "publishedAt":"2026-11-20T0%d:00:00Z"}""".formatted(eventId, version, id, version, unit, title, BODY, version));
    }

    private Delivery retract(String id, int version, String unit) {
        return events.deliver("article-retracted", id, instance.consumer("article-retracted"), eventId -> """
                {"eventId":"%s","when":"2026-11-20T0%d:30:00Z","articleId":"%s","version":%d,"unit":"%s",
                 "reason":"活动日期有误","moderator":"wang.fang"}""".formatted(eventId, version, id, version, unit));
    }

    private static String unit() {
        return "重投测试单位-" + UUID.randomUUID();
    }

    private static String newId() {
        return "rpt-" + UUID.randomUUID();
    }
}
