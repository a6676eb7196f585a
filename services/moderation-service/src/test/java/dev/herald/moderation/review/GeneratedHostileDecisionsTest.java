package dev.herald.moderation.review;

import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import dev.herald.infra.embedded.hostile.Field;
import dev.herald.infra.embedded.hostile.HostileCase;
import dev.herald.infra.embedded.hostile.HostilePayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class GeneratedHostileDecisionsTest {

    static final HostilePayloads APPROVALS = new HostilePayloads(Map.of("note", "内容属实"),
            List.of(Field.text("note", false, 1_000)), 64 * 1024);
    static final HostilePayloads REJECTIONS = new HostilePayloads(Map.of("reason", "请补充供稿人信息"),
            List.of(Field.text("reason", true, 1_000)), 64 * 1024);
    static final HostilePayloads SEND_BACKS = new HostilePayloads(Map.of("stage", "初审", "message", "请核实会议时间"),
            List.of(Field.text("stage", true, 20), Field.text("message", true, 2_000)), 64 * 1024);
    static final HostilePayloads IMPORTANCE = new HostilePayloads(Map.of("reason", "涉及重大活动"),
            List.of(Field.text("reason", true, 1_000)), 64 * 1024);

    final KafkaTestClient kafka = TestInfrastructure.kafkaClient();

    @Autowired
    MockMvcTester http;

    @Autowired
    ReviewRepository reviews;

    @Test
    void everyGeneratedHostileDecisionIsAProblemAndTheReviewStaysPendingWithNothingToEmit() {
        String id = "rpt-" + UUID.randomUUID();
        kafka.publish("article-submitted", id, """
                {"eventId":"%s","when":"2026-11-20T01:00:00Z","articleId":"%s","unit":"南宁市中医医院党委",
                 "channel":"党建动态","title":"待审报道","body":"医院党委组织党员开展主题党日活动。"}"""
                .formatted(UUID.randomUUID(), id), Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> reviews.existsById(id));
        List<String> wrong = new ArrayList<>();

        for (HostileCase hostile : APPROVALS.generate(250, 1L)) check(id, "approve", hostile, wrong);
        for (HostileCase hostile : REJECTIONS.generate(250, 2L)) check(id, "reject", hostile, wrong);
        for (HostileCase hostile : SEND_BACKS.generate(100, 3L)) check(id, "send-back", hostile, wrong);
        for (HostileCase hostile : IMPORTANCE.generate(100, 4L)) check(id, "important", hostile, wrong);

        assertThat(wrong).isEmpty();
        Review review = reviews.findById(id).orElseThrow();
        assertThat(review.getStatus()).isEqualTo(ReviewStatus.PENDING);
        assertThat(review.isImportant()).isFalse();
        assertThat(review.getSignOffs()).isEmpty();
        assertThat(review.getOutbox()).isEmpty();
        assertThat(http.post().uri("/api/reviews/{id}/reject", id).with(TestTokens.moderator("wang.fang")).contentType("application/json")
                .content(REJECTIONS.validBody())).hasStatusOk();
    }

    private void check(String id, String decision, HostileCase hostile, List<String> wrong) {
        MockHttpServletResponse response = http.post().uri("/api/reviews/{id}/" + decision, id).with(TestTokens.moderator("wang.fang"))
                .contentType(hostile.contentType()).content(hostile.body()).exchange().getResponse();
        boolean problem = response.getStatus() >= 400 && response.getStatus() < 500
                && response.getContentType() != null && response.getContentType().startsWith("application/problem+json");
        if (!problem) {
            wrong.add(decision + " " + hostile + " -> " + response.getStatus() + " "
                    + new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
        }
    }
}
