package dev.herald.moderation.review;

import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With an auto-reject threshold configured, blatant spam is turned down on arrival and the unit is told why. */
@SpringBootTest(properties = "herald.screening.policy.auto-reject-score=40")
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class AutomaticRejectionTest {

    final KafkaTestClient kafka = TestInfrastructure.kafkaClient();

    @Autowired
    MockMvcTester http;

    @Test
    void spamOverTheThresholdIsRejectedWithItsFindingsWhileMilderReportsWaitForAModerator() {
        String spam = submit("澳门葡京百家乐,真人娱乐,注册送彩金,老虎机天天返水。澳门葡京欢迎您!");
        String mild = submit("社区开展义诊活动,欢迎居民参加。详情见 www.example.org 。");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.get().with(TestTokens.moderator("m")).uri("/api/reviews/{id}", spam)).bodyJson()
                    .extractingPath("$.status").isEqualTo("REJECTED");
            assertThat(http.get().with(TestTokens.moderator("m")).uri("/api/reviews/{id}", mild)).bodyJson()
                    .extractingPath("$.status").isEqualTo("PENDING");
        });
        assertThat(http.get().with(TestTokens.moderator("m")).uri("/api/reviews/{id}", spam)).bodyJson()
                .extractingPath("$.moderator").isEqualTo("screening-policy");
        List<ConsumerRecord<String, String>> rejected = kafka.awaitRecords("article-rejected",
                seen -> seen.stream().anyMatch(r -> spam.equals(r.key())), Duration.ofSeconds(20));
        assertThat(rejected).filteredOn(r -> spam.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("自动拒绝", "澳门葡京"));
    }

    private String submit(String body) {
        String id = "rpt-" + UUID.randomUUID();
        kafka.publish("article-submitted", id, """
                {"eventId":"%s","when":"2026-11-20T08:00:00Z","articleId":"%s","unit":"某单位","channel":"党建动态",
                 "title":"报道","body":"%s"}""".formatted(UUID.randomUUID(), id, body), Map.of());
        return id;
    }
}
