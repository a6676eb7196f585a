package dev.herald.notification.email;

import dev.herald.notification.delivery.Notice;
import dev.herald.notification.subscription.MatchedBy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmailContentTest {

    private static final String UNSUBSCRIBE = "http://localhost:8084/api/unsubscribe?token=abc.def";
    private final MailComposer composer = new MailComposer();

    @Test
    void aTitleWithLineBreaksStaysOneSubjectLine() {
        MailContent content = composer.notices(List.of(notice("第一行\r\nBcc: someone@example.org", "片段")),
                ZoneId.of("Asia/Shanghai"), UNSUBSCRIBE);

        assertThat(content.subject()).isEqualTo("【Herald】第一行 Bcc: someone@example.org");
    }

    @Test
    void aDigestIsNamedByHowManyReportsItCarriesAndListsThemInOrder() {
        MailContent content = composer.notices(List.of(notice("甲", "甲的片段"), notice("乙", null), notice("丙", "")),
                ZoneId.of("Asia/Shanghai"), UNSUBSCRIBE);

        assertThat(content.subject()).isEqualTo("【Herald】3 篇新报道");
        assertThat(content.text()).containsSubsequence("甲", "甲的片段", "乙", "丙", UNSUBSCRIBE);
        assertThat(content.html()).containsSubsequence("甲", "乙", "丙").doesNotContain("null");
    }

    @Test
    void aDeskMailLinksToTheReviewWhenTheConsoleIsKnownAndNamesACorrectionAsOne() {
        DeskMail.StageReached reached = new DeskMail.StageReached("ntf-1", "LEADER", "rpt-9", "标题\r\n第二行", "某医院党委",
                "签发", 4, true);

        MailContent linked = composer.deskNotice(reached, "https://console.example.cn/moderation/reviews/rpt-9");
        MailContent unlinked = composer.deskNotice(reached, null);

        assertThat(linked.subject()).isEqualTo("【Herald】待签发：标题 第二行");
        assertThat(linked.text()).contains("更正稿《标题 第二行》（某医院党委）已进入签发（第4审）",
                "审核：https://console.example.cn/moderation/reviews/rpt-9");
        assertThat(linked.html()).contains("href=\"https://console.example.cn/moderation/reviews/rpt-9\"");
        assertThat(unlinked.text()).doesNotContain("审核：", "http");
        assertThat(unlinked.html()).doesNotContain("href");
    }

    @Test
    void datesAreShownInTheSubscribersZone() {
        Notice notice = notice("标题", "片段");

        assertThat(composer.notices(List.of(notice), ZoneId.of("Asia/Shanghai"), UNSUBSCRIBE).text())
                .contains("2026年11月20日 11:00");
        assertThat(composer.notices(List.of(notice), ZoneId.of("Europe/Berlin"), UNSUBSCRIBE).text())
                .contains("2026年11月20日 04:00");
    }

    @Test
    void everythingFromTheArticleIsEscapedInTheHtmlAndLinksKeepTheirAmpersandsEscaped() {
        Notice notice = new Notice("ntf-1", "rpt-1", "<b>标题</b>", "单位\"&'", "栏目<i>", Instant.parse("2026-11-20T03:00:00Z"),
                "<script>alert(1)</script>", new MatchedBy(null, null, null));

        String html = composer.notices(List.of(notice), ZoneId.of("Asia/Shanghai"), UNSUBSCRIBE + "&x=1").html();

        assertThat(html).contains("&lt;b&gt;标题&lt;/b&gt;", "单位&quot;&amp;&#39;", "栏目&lt;i&gt;",
                        "&lt;script&gt;alert(1)&lt;/script&gt;", "href=\"" + UNSUBSCRIBE + "&amp;x=1\"")
                .doesNotContain("<b>", "<script>", "<i>");
    }

    @Test
    void theConfirmationMailCarriesTheLinkAndAWayOutForSomeoneWhoDidNotAskForIt() {
        String verify = "http://localhost:8084/api/email-verification?token=xyz.uvw";
        MailContent content = composer.confirmation("a@example.org", verify, UNSUBSCRIBE);

        assertThat(content.subject()).isEqualTo("【Herald】请确认您的邮箱地址");
        assertThat(content.text()).contains("a@example.org", verify, UNSUBSCRIBE);
        assertThat(content.html()).contains("href=\"" + verify + "\"", "href=\"" + UNSUBSCRIBE + "\"");
    }

    private static Notice notice(String title, String snippet) {
        return new Notice("ntf-" + title, "rpt-" + title, title, "某区卫生健康委", "健康宣传",
                Instant.parse("2026-11-20T03:00:00Z"), snippet, new MatchedBy(null, "某区卫生健康委", null));
    }
}
