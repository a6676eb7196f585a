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

/**
 * The review page's workflow: the channel's stages and who signed off which, the unit's own sign-off, importance,
 * approval into the next stage or with a publication time and the confidentiality check, send-back and escalation.
 */
class ReviewWorkflowPagesTest extends PageTest {

    /** Revision 2 of a report waiting in the confidentiality review, the second of three stages. */
    static final String IN_WORKFLOW = """
            ,"workflow":"三审","important":true,"importantReason":"涉及全市重大活动",
             "stages":[{"name":"初审","role":"MODERATOR","confidentiality":false},
                       {"name":"保密审查","role":"MODERATOR","confidentiality":true},
                       {"name":"终审","role":"LEADER","confidentiality":false}],
             "stage":{"name":"保密审查","role":"MODERATOR","confidentiality":true,"number":2,"of":3,"since":"2026-12-03T01:30:00Z"},
             "signOffs":[{"revision":1,"stage":"初审","by":"moderator-old","role":"MODERATOR","at":"2026-12-02T01:00:00Z",
                          "decision":"CHANGES_REQUESTED","confidentialityReview":false,"note":null},
                         {"revision":2,"stage":"初审","by":"moderator-1","role":"MODERATOR","at":"2026-12-03T01:30:00Z",
                          "decision":"APPROVED","confidentialityReview":false,"note":"属实"}]""";

    /** The last stage of a channel without a workflow: its approval publishes, and may be scheduled. */
    static final String SINGLE = """
            ,"workflow":null,"important":false,"stages":[{"name":"审核","role":"MODERATOR","confidentiality":false}],
             "stage":{"name":"审核","role":"MODERATOR","confidentiality":false,"number":1,"of":1,"since":"2026-12-03T01:00:00Z"},
             "signOffs":[]""";

    static final String FOUR_EYES = "moderator decided 初审 of revision 2 of review rpt-9 and may not decide 保密审查 too: another person must";

    private String page() throws Exception {
        return mvc.perform(get("/moderation/reviews/rpt-9").with(moderator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theWorkflowShowsItsStagesWhereTheReviewIsAndWhoSignedOffThisRevisionsStages() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, ReviewPagesTest.review(null, IN_WORKFLOW));

        String page = page();

        assertThat(page).contains("流程：三审", "当前环节：保密审查（第 2 环节，共 3 个），自 2026-12-03 09:30 起",
                "<strong>初审</strong>", "<strong>终审</strong>", "由领导审定", "aria-current=\"step\"",
                "moderator-1 于 2026-12-03 09:30 通过：属实", "尚未审定");
        // the first revision's decision belongs to its history, not to the stages of this one
        assertThat(page).doesNotContain("moderator-old");
        assertThat(page.indexOf("aria-current=\"step\"")).isGreaterThan(page.indexOf("<strong>初审</strong>"))
                .isLessThan(page.indexOf("<strong>保密审查</strong>"));
    }

    @Test
    void anImportantReportSaysWhyAndTheUnitsOwnSignOffIsShownFromIngest() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, ReviewPagesTest.review(null, IN_WORKFLOW))
                .json("GET", "/api/reports/rpt-9", 200, """
                        {"id":"rpt-9","status":"SUBMITTED","signedOffBy":"张书记","signedOffAt":"2026-12-03T00:30:00Z"}""");

        String page = page();

        assertThat(page).contains("重要稿件，须经领导签发：涉及全市重大活动", "本单位审核：张书记 于 2026-12-03 08:30 签发")
                .doesNotContain("name=\"reason\" required maxlength=\"1000\" id=\"important-reason\"", "/moderation/reviews/rpt-9/important");
        assertThat(SERVICES.last("GET", "/api/reports/rpt-9").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aReportWithoutWorkflowOrUnitSignOffSaysOneDecisionPublishesAndOffersToMarkItImportant() throws Exception {
        // ingest answers 404 here: the unit's sign-off is simply left out
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, ReviewPagesTest.review(null, SINGLE));

        String page = page();

        assertThat(page).contains("本栏目没有审核流程，由审核员一次审定。", "action=\"/moderation/reviews/rpt-9/important\"",
                "name=\"publishAt\" type=\"datetime-local\"", "定时发布（Asia/Shanghai 时间，留空即刻发布）", ">通过并发布</button>")
                .doesNotContain("本单位审核", "/send-back", "name=\"confidentialityChecked\"");
    }

    @Test
    void atAnEarlierStageApprovalSendsTheReviewOnAndTheConfidentialityCheckMustBeConfirmed() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, ReviewPagesTest.review(null, IN_WORKFLOW));

        String page = page();

        assertThat(page).contains(">通过，送终审</button>", "name=\"confidentialityChecked\" value=\"true\" required",
                "已做保密审查（本环节须确认）").doesNotContain("name=\"publishAt\"");
        // only earlier stages are offered to send it back to
        assertThat(page).contains("action=\"/moderation/reviews/rpt-9/send-back\"", "<option value=\"初审\">初审</option>")
                .doesNotContain("<option value=\"终审\">", "<option value=\"保密审查\">");
    }

    @Test
    void aFourEyesRefusalSaysWhoDecidedWhichStageAndThatAnotherPersonMust() throws Exception {
        SERVICES.problem("POST", "/api/reviews/rpt-9/approve", 409, FOUR_EYES)
                .json("GET", "/api/reviews/rpt-9", 200, ReviewPagesTest.review(null, IN_WORKFLOW));
        String said = "双人审核：moderator 已审过第 2 稿的初审，不能再审保密审查，须由另一人审核。";

        var refused = mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("title", "召开党建工作会议")
                        .param("confidentialityChecked", "true"))
                .andExpect(redirectedUrl("/moderation/reviews/rpt-9")).andExpect(flash().attribute("error", said)).andReturn().getFlashMap();

        String page = mvc.perform(get("/moderation/reviews/rpt-9").with(moderator()).flashAttrs(refused)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(said, "流程：三审");
    }

    @Test
    void aFourEyesRefusedClaimIsSaidTheSameWay() throws Exception {
        SERVICES.problem("POST", "/api/reviews/rpt-9/claim", 409, FOUR_EYES);

        mvc.perform(post("/moderation/reviews/rpt-9/claim").with(moderator()).with(csrf()))
                .andExpect(flash().attribute("error", "双人审核：moderator 已审过第 2 稿的初审，不能再审保密审查，须由另一人审核。"));
    }

    @Test
    void aPublicationTimeIsReadInThePlatformsZoneAndSentWithTheConfidentialityCheck() throws Exception {
        SERVICES.json("POST", "/api/reviews/rpt-9/approve", 200, ReviewPagesTest.review(null, ""));

        mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("note", "同意发布")
                        .param("publishAt", "2026-12-05T09:00").param("confidentialityChecked", "true"))
                .andExpect(flash().attribute("notice", "已通过。"));

        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/approve").body())
                .isEqualTo("{\"note\":\"同意发布\",\"confidentialityChecked\":true,\"publishAt\":\"2026-12-05T09:00+08:00\"}");
    }

    @Test
    void aPublicationTimeThatIsNoTimeIsSaidBeforeModerationHearsOfItAndWhatWasTypedIsKept() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, ReviewPagesTest.review(null, SINGLE));

        var refused = mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("title", "新标题")
                        .param("publishAt", "明天上午"))
                .andExpect(redirectedUrl("/moderation/reviews/rpt-9"))
                .andExpect(flash().attribute("error", "发布时间“明天上午”无法识别，请按“年-月-日 时:分”填写。"))
                .andExpect(flash().attribute("typedTitle", "新标题")).andReturn().getFlashMap();

        assertThat(SERVICES.received()).isEmpty();
        String page = mvc.perform(get("/moderation/reviews/rpt-9").with(moderator()).flashAttrs(refused)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"新标题\"", "name=\"publishAt\" type=\"datetime-local\" value=\"明天上午\"");
    }

    @Test
    void aConfidentialityCheckModerationStillWantsComesBackInChineseBesideTheReview() throws Exception {
        SERVICES.raw("POST", "/api/reviews/rpt-9/approve", 400, "application/problem+json", """
                {"status":400,"title":"Invalid request","errors":[{"field":"confidentialityChecked","message":"must be true"}]}""");

        mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("note", "可以"))
                .andExpect(redirectedUrl("/moderation/reviews/rpt-9"))
                .andExpect(flash().attribute("error", "请求有误（confidentialityChecked must be true）"));
    }

    @Test
    void approvingIntoAnotherChannelSendsTheChannelOnlyWhenTheModeratorChangedIt() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, ReviewPagesTest.review(null, SINGLE))
                .json("POST", "/api/reviews/rpt-9/approve", 200, ReviewPagesTest.review(null, ""));
        String page = page();
        assertThat(page).contains("栏目（可改发到其他栏目）", "name=\"channel\" maxlength=\"50\" value=\"党建新闻\"");
        String channelSeen = hidden(page, "channelSeen");

        mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("channel", "党建新闻")
                .param("channelSeen", channelSeen)).andExpect(flash().attribute("notice", "已通过。"));
        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/approve").body()).isEqualTo("{}");

        mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("channel", "医院动态")
                .param("channelSeen", channelSeen)).andExpect(flash().attribute("notice", "已通过。"));
        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/approve").body()).isEqualTo("{\"edits\":{\"channel\":\"医院动态\"}}");
    }

    @Test
    void aScheduledPublicationShowsWhenItLeaves() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, ReviewPagesTest.review(null, SINGLE + """
                ,"publishAt":"2026-12-05T01:00:00Z\"""").replace("\"status\":\"PENDING\"", "\"status\":\"SCHEDULED\""));

        assertThat(page()).contains("定时发布于 2026-12-05 09:00", "已处理：定时发布").doesNotContain("class=\"approve\"");
    }

    @Test
    void aCorrectionUnderReviewSaysSoWithTheUnitsNoteBesideTheCorrectionsPublishedBefore() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, ReviewPagesTest.review(null, SINGLE + """
                ,"correction":"更正：会议日期应为12月2日",
                 "corrections":[{"version":2,"at":"2026-12-02T04:00:00Z","note":"更正：参会人数"}]"""));

        assertThat(page()).contains("这一稿是对已发布稿件的更正（已发布的在审定前照常保留）：更正：会议日期应为12月2日",
                "第 2 次发布（2026-12-02 12:00）更正：更正：参会人数");
    }

    static final String SCHEDULED = SINGLE + """
            ,"publishAt":"2026-12-05T01:00:00Z\"""";

    @Test
    void aLeaderMayMoveOrCancelAScheduledPublicationAModeratorIsNotOffered() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, ReviewPagesTest.review(null, SCHEDULED).replace("\"status\":\"PENDING\"", "\"status\":\"SCHEDULED\""));

        String asLeader = mvc.perform(get("/moderation/reviews/rpt-9").with(signedIn("leader", "LEADER", null))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(asLeader).contains("action=\"/moderation/reviews/rpt-9/schedule\"", "action=\"/moderation/reviews/rpt-9/schedule/cancel\"");
        assertThat(page()).doesNotContain("/schedule");
    }

    @Test
    void movingAScheduledPublicationSendsTheNewTimeInThePlatformsZoneAndCancellingDeletesIt() throws Exception {
        SERVICES.json("PUT", "/api/reviews/rpt-9/schedule", 200, ReviewPagesTest.review(null, SCHEDULED))
                .json("DELETE", "/api/reviews/rpt-9/schedule", 200, ReviewPagesTest.review(null, SINGLE));

        mvc.perform(post("/moderation/reviews/rpt-9/schedule").with(signedIn("leader", "LEADER", null)).with(csrf())
                .param("publishAt", "2026-12-06T08:30")).andExpect(flash().attribute("notice", "已改动发布时间。"));
        assertThat(SERVICES.last("PUT", "/api/reviews/rpt-9/schedule").body()).isEqualTo("{\"publishAt\":\"2026-12-06T08:30+08:00\"}");

        mvc.perform(post("/moderation/reviews/rpt-9/schedule/cancel").with(signedIn("leader", "LEADER", null)).with(csrf()))
                .andExpect(redirectedUrl("/moderation/reviews/rpt-9")).andExpect(flash().attribute("notice", "已取消定时发布，稿件回到最后一个环节。"));
        assertThat(SERVICES.last("DELETE", "/api/reviews/rpt-9/schedule")).isNotNull();
    }

    @Test
    void aPublicationAlreadyGoneCannotBeMovedAndModerationsRefusalIsSaidInChinese() throws Exception {
        SERVICES.problem("PUT", "/api/reviews/rpt-9/schedule", 409, "review rpt-9 is APPROVED: only a scheduled publication can be moved or cancelled");

        mvc.perform(post("/moderation/reviews/rpt-9/schedule").with(moderator()).with(csrf()).param("publishAt", "2026-12-06T08:30"))
                .andExpect(flash().attribute("error", "状态已变化：review rpt-9 is APPROVED: only a scheduled publication can be moved or cancelled"));
        mvc.perform(post("/moderation/reviews/rpt-9/schedule").with(moderator()).with(csrf()).param("publishAt", "后天"))
                .andExpect(flash().attribute("error", "发布时间“后天”无法识别，请按“年-月-日 时:分”填写。"));
    }

    @Test
    void sendingBackNamesTheEarlierStageAndWhatToLookAtAgain() throws Exception {
        SERVICES.json("POST", "/api/reviews/rpt-9/send-back", 200, ReviewPagesTest.review(null, ""));

        mvc.perform(post("/moderation/reviews/rpt-9/send-back").with(moderator()).with(csrf()).param("stage", "初审")
                        .param("message", " 请再核对会议时间 "))
                .andExpect(redirectedUrl("/moderation/reviews/rpt-9")).andExpect(flash().attribute("notice", "已退回前一环节。"));

        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/send-back").body()).isEqualTo("{\"stage\":\"初审\",\"message\":\"请再核对会议时间\"}");
        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/send-back").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aSendBackModerationRefusesIsSaidInChinese() throws Exception {
        SERVICES.raw("POST", "/api/reviews/rpt-9/send-back", 400, "application/problem+json", """
                {"status":400,"title":"Invalid request","errors":[{"field":"message","message":"must not be blank"}]}""");

        mvc.perform(post("/moderation/reviews/rpt-9/send-back").with(moderator()).with(csrf()).param("stage", "初审"))
                .andExpect(flash().attribute("error", "请求有误（message must not be blank）"));
    }

    @Test
    void markingImportantSendsTheReasonAndARefusalIsSaidInChinese() throws Exception {
        SERVICES.json("POST", "/api/reviews/rpt-9/important", 200, ReviewPagesTest.review(null, ""));

        mvc.perform(post("/moderation/reviews/rpt-9/important").with(moderator()).with(csrf()).param("reason", "涉及全市重大活动"))
                .andExpect(flash().attribute("notice", "已标为重要，须经领导签发。"));
        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/important").body()).isEqualTo("{\"reason\":\"涉及全市重大活动\"}");

        SERVICES.problem("POST", "/api/reviews/rpt-9/important", 409, "review rpt-9 is not pending: APPROVED");
        mvc.perform(post("/moderation/reviews/rpt-9/important").with(moderator()).with(csrf()).param("reason", "迟了"))
                .andExpect(flash().attribute("error", "状态已变化：review rpt-9 is not pending: APPROVED"));
    }

    @Test
    void aUnitCannotSendBackNorMarkImportantAndModerationNeverHearsOfIt() throws Exception {
        mvc.perform(post("/moderation/reviews/rpt-9/send-back").with(unit()).with(csrf()).param("stage", "初审").param("message", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/moderation/reviews/rpt-9/important").with(unit()).with(csrf()).param("reason", "x"))
                .andExpect(status().isForbidden());

        assertThat(SERVICES.received()).isEmpty();
    }

    private static String hidden(String page, String name) {
        var found = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([0-9a-f]+)\"").matcher(page);
        assertThat(found.find()).as("the form carries " + name).isTrue();
        return found.group(1);
    }
}
