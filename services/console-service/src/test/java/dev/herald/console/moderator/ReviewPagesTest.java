package dev.herald.console.moderator;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The review page in full: the claim's lease, approval with edits, the cleaned body, the near-duplicate, history, audit. */
class ReviewPagesTest extends PageTest {

    static String review(String claimedBy, String extra) {
        return """
                {"id":"rpt-9","status":"PENDING","revision":2,"submittedAt":"2026-12-03T01:00:00Z",
                 "article":{"unit":"南宁市中医医院党委","channel":"党建新闻","title":"召开党建工作会议","body":"首页 > 新闻\\n医院召开党建工作会议。\\n分享到："},
                 "claim":%s%s}""".formatted(claimedBy == null ? "null"
                : "{\"moderator\":\"" + claimedBy + "\",\"claimedAt\":\"2026-12-03T01:00:00Z\",\"expiresAt\":\"2026-12-03T01:15:00Z\"}", extra);
    }

    static final String SCREENING = """
            ,"screening":{"verdict":"NEEDS_ATTENTION","score":30,"cleanedBody":"医院召开党建工作会议。","duplicateOf":"rpt-3","findings":[
              {"kind":"CHROME","severity":"LOW","message":"page chrome: 首页 > 新闻","field":"body","start":0,"end":7},
              {"kind":"CHROME","severity":"LOW","message":"page chrome: 分享到：","field":"body","start":20,"end":24},
              {"kind":"DUPLICATE","severity":"MEDIUM","message":"near-duplicate of rpt-3","field":"body","start":0,"end":24}]}""";

    static final String EARLIER = """
            {"id":"rpt-3","status":"APPROVED","revision":1,"submittedAt":"2026-12-01T02:00:00Z",
             "article":{"unit":"南宁市中医医院党委","channel":"党建新闻","title":"召开党建工作会议","body":"首页 > 新闻\\n医院举行党建工作会议。\\n分享到："}}""";

    private String page() throws Exception {
        return mvc.perform(get("/moderation/reviews/rpt-9").with(moderator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theModeratorsOwnClaimShowsUntilWhenAndThePageRenewsItEveryFewMinutes() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, review("moderator", ""));

        assertThat(page()).contains("由你认领，至 2026-12-03 09:15；此页打开期间每 300 秒自动续期。",
                "hx-post=\"/moderation/reviews/rpt-9/lease\"", "hx-trigger=\"every 300s\"", "hx-target=\"#lease\"");
    }

    @Test
    void someoneElsesClaimIsShownWithoutRenewingIt() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, review("moderator-2", ""));

        assertThat(page()).contains("已由 moderator-2 认领，至 2026-12-03 09:15").doesNotContain("hx-post", "/lease");
    }

    @Test
    void renewingClaimsAgainThroughModerationAndAnswersTheLeaseAlone() throws Exception {
        SERVICES.json("POST", "/api/reviews/rpt-9/claim", 200, review("moderator", "").replace("01:15:00Z", "01:30:00Z"));

        String lease = mvc.perform(post("/moderation/reviews/rpt-9/lease").with(moderator()).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(lease).startsWith("<div id=\"lease\"").contains("至 2026-12-03 09:30", "hx-trigger=\"every 300s\"").doesNotContain("<html");
        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/claim").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aClaimTakenMeanwhileEndsTheRenewalSayingByWhomAndUntilWhenNotAsAnErrorPage() throws Exception {
        SERVICES.problem("POST", "/api/reviews/rpt-9/claim", 409, "review rpt-9 is claimed by moderator-2 until 2026-12-03T01:40:00Z");

        String lease = mvc.perform(post("/moderation/reviews/rpt-9/lease").with(moderator()).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(lease).contains("已被 moderator-2 认领至 2026-12-03 09:40").doesNotContain("hx-trigger");
    }

    @Test
    void aReviewDecidedMeanwhileEndsTheRenewalWithModerationsWords() throws Exception {
        SERVICES.problem("POST", "/api/reviews/rpt-9/claim", 409, "review rpt-9 is already APPROVED");

        String lease = mvc.perform(post("/moderation/reviews/rpt-9/lease").with(moderator()).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(lease).contains("状态已变化：review rpt-9 is already APPROVED").doesNotContain("hx-trigger");
    }

    @Test
    void aModerationFailingForAMomentIsSaidAndTheRenewalTriesAgain() throws Exception {
        SERVICES.problem("POST", "/api/reviews/rpt-9/claim", 503, "mongo away");

        String lease = mvc.perform(post("/moderation/reviews/rpt-9/lease").with(moderator()).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(lease).contains("mongo away", "hx-trigger=\"every 300s\"");
    }

    @Test
    void aUnitCannotRenewAClaimAndModerationNeverHearsOfIt() throws Exception {
        mvc.perform(post("/moderation/reviews/rpt-9/lease").with(unit()).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isForbidden());

        assertThat(SERVICES.received()).isEmpty();
    }

    @Test
    void theRenewButtonWithoutHtmxComesBackToTheReviewSayingSo() throws Exception {
        SERVICES.json("POST", "/api/reviews/rpt-9/claim", 200, review("moderator", ""));

        mvc.perform(post("/moderation/reviews/rpt-9/lease").with(moderator()).with(csrf()))
                .andExpect(redirectedUrl("/moderation/reviews/rpt-9")).andExpect(flash().attribute("notice", "已续期。"));
    }

    @Test
    void theApprovalFormStartsFromTheArticleAndOffersTheCleanedBodyBesideTheSubmittedOne() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, review(null, SCREENING)).json("GET", "/api/reviews/rpt-3", 200, EARLIER);

        String page = page();

        assertThat(page).contains("尚未认领。", "name=\"title\"", "value=\"召开党建工作会议\"", "name=\"useCleanedBody\"",
                ">首页 &gt; 新闻\n医院召开党建工作会议。\n分享到：</textarea>");
        assertThat(page).contains("<del>首页 &gt; 新闻</del>\n医院召开党建工作会议。\n<del>分享到：</del>",
                "<div class=\"text\">医院召开党建工作会议。</div>");
    }

    @Test
    void approvingWithEditsSendsTheTitleAndTheBodyWithItsLinesAsTheArticlesAre() throws Exception {
        SERVICES.json("POST", "/api/reviews/rpt-9/approve", 200, review(null, ""));

        mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("title", "医院召开党建工作会议")
                        .param("body", "第一段。\r\n第二段。").param("note", "改了标题"))
                .andExpect(redirectedUrl("/moderation/reviews/rpt-9")).andExpect(flash().attribute("notice", "已通过。"));

        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/approve").body())
                .isEqualTo("{\"note\":\"改了标题\",\"edits\":{\"title\":\"医院召开党建工作会议\",\"body\":\"第一段。\\n第二段。\"}}");
    }

    @Test
    void aFormSentBackUntouchedIsAPlainApprovalAndOnlyAnEditedFieldIsSent() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, review(null, "")).json("POST", "/api/reviews/rpt-9/approve", 200, review(null, ""));
        String page = page();
        String titleSeen = hidden(page, "titleSeen");
        String bodySeen = hidden(page, "bodySeen");

        // the browser ends the textarea's lines with CRLF
        mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("title", "召开党建工作会议")
                .param("body", "首页 > 新闻\r\n医院召开党建工作会议。\r\n分享到：").param("titleSeen", titleSeen).param("bodySeen", bodySeen)
                .param("note", "属实")).andExpect(flash().attribute("notice", "已通过。"));
        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/approve").body()).isEqualTo("{\"note\":\"属实\"}");

        mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("title", "召开党建工作会议")
                .param("body", "医院召开党建工作会议。").param("titleSeen", titleSeen).param("bodySeen", bodySeen))
                .andExpect(flash().attribute("notice", "已通过。"));
        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/approve").body()).isEqualTo("{\"edits\":{\"body\":\"医院召开党建工作会议。\"}}");
    }

    @Test
    void aRefusedApprovalKeepsWhatTheModeratorTyped() throws Exception {
        SERVICES.problem("POST", "/api/reviews/rpt-9/approve", 409, "review rpt-9 is claimed by moderator-2 until 2026-12-03T01:40:00Z")
                .json("GET", "/api/reviews/rpt-9", 200, review("moderator-2", ""));

        var refused = mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("title", "新标题")
                        .param("body", "改过的正文"))
                .andExpect(flash().attribute("error", "已被 moderator-2 认领至 2026-12-03 09:40"))
                .andExpect(flash().attribute("typedTitle", "新标题")).andReturn().getFlashMap();

        String page = mvc.perform(get("/moderation/reviews/rpt-9").with(moderator()).flashAttrs(refused)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"新标题\"", ">改过的正文</textarea>", "已被 moderator-2 认领至 2026-12-03 09:40");
    }

    private static String hidden(String page, String name) {
        var found = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([0-9a-f]+)\"").matcher(page);
        assertThat(found.find()).as("the form carries " + name).isTrue();
        return found.group(1);
    }

    @Test
    void approvingWithTheCleanedBodyLeavesTheEditedBodyOut() throws Exception {
        SERVICES.json("POST", "/api/reviews/rpt-9/approve", 200, review(null, ""));

        mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("title", "召开党建工作会议")
                .param("body", "首页 > 新闻").param("useCleanedBody", "true")).andExpect(flash().attribute("notice", "已通过。"));

        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/approve").body())
                .isEqualTo("{\"edits\":{\"title\":\"召开党建工作会议\",\"useCleanedBody\":true}}");
    }

    @Test
    void anEditModerationRefusesComesBackBesideTheReviewWithTheFieldItNamed() throws Exception {
        SERVICES.raw("POST", "/api/reviews/rpt-9/approve", 400, "application/problem+json",
                "{\"status\":400,\"title\":\"Invalid request\",\"errors\":[{\"field\":\"edits.title\",\"message\":\"must not be blank\"}]}");

        mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("title", " ").param("body", "正文"))
                .andExpect(redirectedUrl("/moderation/reviews/rpt-9"))
                .andExpect(flash().attribute("error", "请求有误（edits.title must not be blank）"));
    }

    @Test
    void theNearDuplicateIsShownBesideThisOneWithTheDifferencesMarked() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, review(null, SCREENING)).json("GET", "/api/reviews/rpt-3", 200, EARLIER);

        String page = page();

        assertThat(SERVICES.last("GET", "/api/reviews/rpt-3").authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(page).contains("href=\"/moderation/reviews/rpt-3\"", "（提交于 2026-12-01 10:00，已通过）",
                "首页 &gt; 新闻\n医院<del>举行</del>党建工作会议。\n分享到：", "首页 &gt; 新闻\n医院<ins>召开</ins>党建工作会议。\n分享到：");
    }

    @Test
    void anEarlierReportModerationWillNotShowIsSaidInItsPlaceAndThePageStillServes() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, review(null, SCREENING)).problem("GET", "/api/reviews/rpt-3", 404, "review rpt-3 not found");

        assertThat(page()).contains("无法读取较早的报送 rpt-3：没有找到：review rpt-3 not found", "医院召开党建工作会议");
    }

    @Test
    void pastRevisionsAndTheAuditTrailAreShownInChineseWhereTheBundleKnowsTheAction() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, review(null, """
                ,"history":[{"revision":1,"submittedAt":"2026-12-02T01:00:00Z","verdict":"NEEDS_ATTENTION","score":30,
                  "changesRequested":"请补充会议时间","article":{"title":"召开全体会议","body":"医院召开全体会议。"}}],
                 "audit":[{"at":"2026-12-02T01:00:00Z","actor":"南宁市中医医院党委","action":"submitted","revision":1,"detail":null},
                  {"at":"2026-12-02T02:00:00Z","actor":"moderator","action":"changes-requested","revision":1,"detail":"请补充会议时间"},
                  {"at":"2026-12-03T02:00:00Z","actor":"moderator","action":"something-new","revision":2,"detail":"x"}]"""));

        String page = page();

        assertThat(page).contains("第 1 稿，提交于 2026-12-02 09:00，需要注意", "当时的修改意见：请补充会议时间");
        // the first revision against the one that answered it (the current, second)
        assertThat(page).contains("第 2 稿（新加的加了下划线）", "<p class=\"title\">召开<del>全体</del>会议</p>",
                "<p class=\"title\">召开<ins>党建工作</ins>会议</p>");
        assertThat(page).contains("<td>要求修改</td>", "<td>提交</td>", "<td>something-new</td>", "<time>2026-12-02 10:00</time>");
    }
}
