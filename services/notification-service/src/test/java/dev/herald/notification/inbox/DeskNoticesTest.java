package dev.herald.notification.inbox;

import dev.herald.infra.embedded.EventDeliveries.Delivery;
import dev.herald.infra.embedded.Redelivery;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report reaching a stage of its review workflow is told to the desk of the stage's role, which everyone
 * holding the role reads: once however often the event arrives, and again when the report reaches the stage anew.
 */
class DeskNoticesTest extends ComponentTest {


    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void aReportReachingAStageIsToldOnceToItsDeskAndAgainWhenItReachesTheStageAnew(Redelivery how) {
        String articleId = "rpt-" + token();
        Delivery entered = stageEntered(articleId, "终审", "LEADER", "2026-11-20T03:00:00Z", false);

        events.redeliver(entered, how);
        stageEntered(articleId, "终审", "LEADER", "2026-11-20T04:00:00Z", true);

        List<String> messages = messagesAbout(articleId, desk("LEADER", TestTokens.leader("zhao.lei")));
        assertThat(messages).containsExactlyInAnyOrder("待终审:稿件已进入终审(第3审)", "待终审:更正稿已进入终审(第3审)");
        assertThat(messagesAbout(articleId, desk("MODERATOR", TestTokens.moderator("wang.fang")))).as("another desk's").isEmpty();
    }

    @Test
    void anotherRolesDeskIsAnsweredAsIfThereWereNoneExceptToAnAdministrator() {
        String articleId = "rpt-" + token();
        stageEntered(articleId, "签发", "LEADER", "2026-11-20T05:00:00Z", false);

        assertThat(http.get().uri("/api/desks/LEADER/notifications").with(TestTokens.moderator("wang.fang"))).hasStatus(404);
        assertThat(http.get().uri("/api/desks/LEADER/notifications").with(TestTokens.subscriber("reader-" + token()))).hasStatus(403);
        assertThat(http.get().uri("/api/desks/leader/notifications?size=100").with(TestTokens.admin())).hasStatusOk();
        assertThat(messagesAbout(articleId, desk("leader", TestTokens.admin()))).hasSize(1);
    }

    private Delivery stageEntered(String articleId, String stage, String role, String when, boolean correction) {
        return events.deliver("review-stage-entered", articleId, "notification.review-stage-entered", eventId -> """
                {"eventId":"%s","when":"%s","articleId":"%s","revision":1,"unit":"某医院党委","channel":"党建动态",
                 "title":"主题党日活动","stage":"%s","stageNumber":3,"role":"%s","correction":%s}"""
                .formatted(eventId, when, articleId, stage, role, correction));
    }

    private JsonNode desk(String role, RequestPostProcessor who) {
        return read(http.get().uri("/api/desks/{role}/notifications?size=100", role).with(who).exchange());
    }

    private static List<String> messagesAbout(String articleId, JsonNode desk) {
        List<String> messages = new ArrayList<>();
        desk.get("notifications").forEach(n -> {
            if (articleId.equals(n.path("articleId").asString())) {
                messages.add(n.path("message").asString());
            }
        });
        return messages;
    }
}
