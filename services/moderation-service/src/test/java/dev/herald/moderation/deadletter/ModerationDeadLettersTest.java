package dev.herald.moderation.deadletter;

import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The service's own bindings, as application.yml names them, are what its dead-letter API covers. */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ModerationDeadLettersTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();

    @Autowired
    MockMvcTester http;
    @Autowired
    MeterRegistry meters;

    @Test
    void aSubmissionThatBreaksItsContractIsListedUnderItsTopicAndConsumerAndCounted() {
        String bad = "rpt-" + UUID.randomUUID();
        kafka.publish("article-submitted", bad, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"articleId\":\"" + bad + "\"}", Map.of());

        String id = await().until(() -> idOf(bad), found -> found != null);

        assertThat(id).startsWith("article-submitted.moderation-service.dlq-");
        assertThat(http.get().uri("/api/admin/dead-letters/{id}", id).with(TestTokens.admin())).hasStatusOk().bodyJson()
                .satisfies(letter -> {
                    assertThat(letter).extractingPath("$.consumer").isEqualTo("articleSubmitted");
                    assertThat(letter).extractingPath("$.group").isEqualTo("moderation-service");
                    assertThat(letter).extractingPath("$.reason.rootCause").asString().contains("InvalidEventException");
                });
        assertThat(meters.get("herald.deadletters.depth").tag("topic", "article-submitted").gauge().value()).isPositive();
    }

    private String idOf(String key) {
        var page = http.get().uri("/api/admin/dead-letters?topic=article-submitted&consumer=articleSubmitted&size=100")
                .with(TestTokens.admin()).exchange();
        String body = new String(page.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        int at = body.indexOf("\"key\":\"" + key + "\"");
        if (at < 0) {
            return null;
        }
        int start = body.lastIndexOf("\"id\":\"", at) + "\"id\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }
}
