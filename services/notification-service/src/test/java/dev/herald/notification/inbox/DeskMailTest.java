package dev.herald.notification.inbox;

import dev.herald.infra.embedded.EventDeliveries.Delivery;
import dev.herald.infra.embedded.Redelivery;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.MailComponentTest;
import dev.herald.notification.TestMailServer.Mail;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The addresses an administrator gives a review desk are mailed when a report reaches one of the desk's stages:
 * once per address however often the event arrives, in Chinese, naming the report, its unit and the stage.
 */
class DeskMailTest extends MailComponentTest {


    @Test
    void eachAddressOfTheDeskIsMailedOnceWhateverTheRedeliveries() {
        String role = "DESK_" + token().toUpperCase().replaceAll("[^A-Z]", "");
        String first = address();
        String second = address();
        assertThat(setRecipients(role.toLowerCase(), "[\"%s\", \" %s \", \"%s\"]".formatted(first, second, first))).hasStatusOk();
        JsonNode stored = read(http.get().uri("/api/desks/{role}/mail-recipients", role).with(TestTokens.admin()).exchange());
        assertThat(stored.get("addresses").valueStream().map(JsonNode::asString)).containsExactly(first, second);

        String articleId = "rpt-" + token();
        Delivery entered = stageEntered(articleId, role, "终审", "2026-11-20T03:00:00Z");
        events.redeliver(entered, Redelivery.UNDER_A_NEW_EVENT_ID);

        Mail mail = awaitMail(first, 1);
        assertThat(mail.subject()).isEqualTo("【Herald】待终审：主题党日活动<纪实>");
        assertThat(mail.text()).contains("稿件《主题党日活动<纪实>》（某医院党委）已进入终审（第3审），等待审核。", role);
        assertThat(mail.html()).contains("主题党日活动&lt;纪实&gt;").doesNotContain("<纪实>");
        assertThat(mail.header("List-Unsubscribe")).as("no subscription to leave: the administrator keeps the list").isNull();
        awaitMail(second, 1);
        assertThat(mongo.count(query(where("kind").is("DESK").and("subscriber").is("desk:" + role)), "email_messages"))
                .as("mails owed to the desk").isEqualTo(2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> mailsTo(first).size() == 1);
    }

    @Test
    void aDeskWithoutAddressesIsToldInItsInboxOnly() {
        String articleId = "rpt-" + token();
        stageEntered(articleId, "NOBODY_MAILED", "初审", "2026-11-20T03:00:00Z");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                mongo.count(query(where("articleId").is(articleId).and("subscriber").is("desk:NOBODY_MAILED")), "notifications") == 1);
        assertThat(mongo.count(query(where("subscriber").is("desk:NOBODY_MAILED")), "email_messages")).isZero();
    }

    @Test
    void onlyAnAdministratorSetsTheAddressesAndEachMustBeOne() {
        assertThat(http.put().uri("/api/desks/LEADER/mail-recipients").with(TestTokens.moderator("wang.fang"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"addresses\":[\"a@b.cn\"]}")).hasStatus(403);
        assertThat(http.get().uri("/api/desks/LEADER/mail-recipients").with(TestTokens.leader("zhao.lei"))).hasStatus(403);
        assertThat(setRecipients("LEADER", "[\"not an address\"]")).hasStatus(400).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("addresses[0]");
        assertThat(setRecipients("LEADER", "null")).hasStatus(400);
        assertThat(setRecipients("人事", "[]")).hasStatus(400);
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult setRecipients(String role, String addresses) {
        return http.put().uri("/api/desks/{role}/mail-recipients", role).with(TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"addresses\":" + addresses + "}").exchange();
    }

    private Delivery stageEntered(String articleId, String role, String stage, String when) {
        return events.deliver("review-stage-entered", articleId, "notification.review-stage-entered", eventId -> """
                {"eventId":"%s","when":"%s","articleId":"%s","revision":1,"unit":"某医院党委","channel":"党建动态",
                 "title":"主题党日活动<纪实>","stage":"%s","stageNumber":3,"role":"%s","correction":false}"""
                .formatted(eventId, when, articleId, stage, role));
    }
}
