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
 * A unit that signs off its own reports (本单位审核): what waits is told to the unit's responsible people, in a desk
 * only they read, and what they decided to the unit's inbox, where its submitter reads it. Once per revision and
 * step, however often the event arrives.
 */
class UnitSignOffNoticesTest extends ComponentTest {


    @ParameterizedTest
    @EnumSource(Redelivery.class)
    void whatWaitsGoesToTheUnitsReviewersAndWhatTheyDecidedToTheUnitOnce(Redelivery how) {
        String unit = "自审单位-" + token();
        String articleId = "rpt-" + token();
        events.redeliver(changed(articleId, unit, 1, "AWAITING", null, null), how);
        events.redeliver(changed(articleId, unit, 1, "RETURNED", "zhang.shuji", "请补充活动时间"), how);
        changed(articleId, unit, 2, "AWAITING", null, null);
        changed(articleId, unit, 2, "SIGNED_OFF", "zhang.shuji", null);

        assertThat(messages(TestTokens.unitReviewer("zhang.shuji", unit))).containsExactlyInAnyOrder(
                "待本单位审核(第1稿):稿件等待本单位负责人审核后报送", "待本单位审核(第2稿):稿件等待本单位负责人审核后报送");
        assertThat(messages(TestTokens.unit(unit))).containsExactlyInAnyOrder(
                "本单位审核退回(第1稿):请补充活动时间", "本单位审核通过(第2稿):zhang.shuji 已审核,稿件已报送平台审核");
        assertThat(messages(TestTokens.unitReviewer("li.shuji", "另一单位-" + token()))).as("another unit's reviewers").isEmpty();
    }

    @Test
    void aReviewerReadsAndMarksTheNoticesOfTheirOwnDeskOnly() {
        String unit = "自审单位-" + token();
        changed("rpt-" + token(), unit, 1, "AWAITING", null, null);
        JsonNode desk = inbox(TestTokens.unitReviewer("zhang.shuji", unit));
        String id = desk.get("notifications").get(0).get("id").asString();

        assertThat(http.post().uri("/api/notifications/{id}/read", id).with(TestTokens.unitReviewer("zhang.shuji", unit)))
                .hasStatusOk().bodyJson().extractingPath("$.read").isEqualTo(true);
        assertThat(http.get().uri("/api/notifications/{id}", id).with(TestTokens.unit(unit))).hasStatus(404);
        assertThat(http.get().uri("/api/notifications/{id}", id).with(TestTokens.unitReviewer("li.shuji", "另一单位-" + token())))
                .hasStatus(404);
    }

    @Test
    void aStepThisVersionDoesNotKnowTellsNobodyAndDoesNotFailTheEvent() {
        String unit = "自审单位-" + token();
        changed("rpt-" + token(), unit, 1, "ESCALATED", "zhang.shuji", null);
        changed("rpt-" + token(), unit, 1, "AWAITING", null, null);

        assertThat(messages(TestTokens.unitReviewer("zhang.shuji", unit))).hasSize(1);
        assertThat(messages(TestTokens.unit(unit))).isEmpty();
    }

    private Delivery changed(String articleId, String unit, int revision, String state, String by, String message) {
        return events.deliver("unit-sign-off-changed", articleId, "notification.unit-sign-off-changed", eventId -> """
                {"eventId":"%s","when":"2026-11-20T03:00:00Z","articleId":"%s","revision":%d,"unit":"%s","channel":"党建动态",
                 "title":"主题党日活动","state":"%s","by":%s,"message":%s}"""
                .formatted(eventId, articleId, revision, unit, state, by == null ? "null" : "\"" + by + "\"",
                        message == null ? "null" : "\"" + message + "\""));
    }

    private JsonNode inbox(RequestPostProcessor who) {
        return read(http.get().uri("/api/units/me/notifications?size=100").with(who).exchange());
    }

    private List<String> messages(RequestPostProcessor who) {
        List<String> messages = new ArrayList<>();
        inbox(who).get("notifications").forEach(n -> messages.add(n.path("message").asString()));
        return messages;
    }
}
