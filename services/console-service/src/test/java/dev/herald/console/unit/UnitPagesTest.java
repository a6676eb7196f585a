package dev.herald.console.unit;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class UnitPagesTest extends PageTest {

    @Test
    void aUnitListsItsReportsByStatusWithWhatTheModeratorAskedFor() throws Exception {
        SERVICES.json("GET", "/api/reports", 200, """
                {"status":"CHANGES_REQUESTED","total":21,"page":0,"size":20,"reports":[{"id":"rpt-9","status":"CHANGES_REQUESTED",
                 "revision":2,"changesRequested":"请补充活动时间","channel":"党建新闻","title":"如意先锋战疫情",
                 "statusChangedAt":"2026-12-03T02:05:00Z"}]}""");

        String page = mvc.perform(get("/unit/reports").param("status", "CHANGES_REQUESTED").with(unit()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(SERVICES.last("GET", "/api/reports").query()).contains("status=CHANGES_REQUESTED", "page=0", "size=20");
        assertThat(SERVICES.last("GET", "/api/reports").authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(page).contains("待修改：共 21 篇", "href=\"/unit/reports/rpt-9\"", "如意先锋战疫情", "请补充活动时间",
                "2026-12-03 10:05", "待本单位签发", "aria-current=\"page\"", "下一页");
    }

    @Test
    void anUnknownStatusShowsTheReportsInReviewRatherThanAskingIngest() throws Exception {
        SERVICES.json("GET", "/api/reports", 200, "{\"status\":\"SUBMITTED\",\"total\":0,\"page\":0,\"size\":20,\"reports\":[]}");

        String page = mvc.perform(get("/unit/reports").param("status", "DELETED").with(unit()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(SERVICES.last("GET", "/api/reports").query()).contains("status=SUBMITTED");
        assertThat(page).contains("已提交：共 0 篇").doesNotContain("下一页");
    }

    static final String SENT_BACK = """
            {"id":"rpt-9","status":"CHANGES_REQUESTED","revision":1,"changesRequested":"请补充活动时间","unit":"南宁市中医医院党委",
             "channel":"党建新闻","title":"如意先锋战疫情","body":"原来的正文。","contributor":"张贵玲",
             "submittedAt":"2026-12-03T01:00:00Z","statusChangedAt":"2026-12-03T02:00:00Z","important":false}""";

    @Test
    void aReportSentBackForChangesOffersItsNextRevisionStartingFromTheReportAsItStands() throws Exception {
        SERVICES.json("GET", "/api/reports/rpt-9", 200, SENT_BACK);

        String page = mvc.perform(get("/unit/reports/rpt-9").with(unit())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请补充活动时间", "按修改意见修改后重新提交", "action=\"/unit/reports/rpt-9/revisions\"",
                "value=\"如意先锋战疫情\"", ">原来的正文。</textarea>", "value=\"张贵玲\"", "name=\"key\"");
    }

    @Test
    void aReportInReviewOffersNoRevision() throws Exception {
        SERVICES.json("GET", "/api/reports/rpt-9", 200, SENT_BACK.replace("CHANGES_REQUESTED", "SUBMITTED"));

        String page = mvc.perform(get("/unit/reports/rpt-9").with(unit())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("/revisions", "提交修改稿");
    }

    @Test
    void aRevisionGoesToIngestWithTheFormsKeyAndTheUnitIsToldWhichRevisionItIs() throws Exception {
        SERVICES.json("POST", "/api/reports/rpt-9/revisions", 202, "{\"id\":\"rpt-9\",\"status\":\"SUBMITTED\",\"revision\":2}");

        mvc.perform(post("/unit/reports/rpt-9/revisions").with(unit()).with(csrf()).param("channel", "党建新闻")
                        .param("title", "如意先锋战疫情").param("body", "补充了活动时间的正文。").param("key", "revise-key-1"))
                .andExpect(redirectedUrl("/unit/reports/rpt-9"))
                .andExpect(flash().attribute("notice", "已提交第 2 稿，回到原审核流程。"));

        var sent = SERVICES.last("POST", "/api/reports/rpt-9/revisions");
        assertThat(sent.idempotencyKey()).isEqualTo("revise-key-1");
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.body()).contains("\"body\":\"补充了活动时间的正文。\"").doesNotContain("contributor");
    }

    @Test
    void aRefusedRevisionShowsTheReportAgainWithWhatWasTypedAndTheSameKey() throws Exception {
        SERVICES.raw("POST", "/api/reports/rpt-9/revisions", 409, "application/problem+json",
                "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"report rpt-9 is not waiting for changes\"}");
        SERVICES.json("GET", "/api/reports/rpt-9", 200, SENT_BACK.replace("CHANGES_REQUESTED", "SUBMITTED"));

        String page = mvc.perform(post("/unit/reports/rpt-9/revisions").with(unit()).with(csrf()).param("channel", "党建新闻")
                        .param("title", "如意先锋战疫情").param("body", "我改过的正文。").param("key", "revise-key-2"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("role=\"alert\"", ">我改过的正文。</textarea>", "value=\"revise-key-2\"");
    }

    @Test
    void aUnitSubmitsAReportWithItsTokenAndTheFormsKeyAndIsShownItsNumber() throws Exception {
        SERVICES.json("POST", "/api/reports", 202, "{\"id\":\"rpt-42\",\"status\":\"SUBMITTED\",\"revision\":1}");

        mvc.perform(post("/unit/reports").with(unit()).with(csrf()).param("channel", "党建新闻").param("title", "如意先锋战疫情")
                        .param("body", "正文。").param("contributor", "张贵玲").param("key", "form-key-1"))
                .andExpect(redirectedUrl("/unit/reports/rpt-42"))
                .andExpect(flash().attribute("notice", "已提交，编号 rpt-42。审核结果会在这里显示。"));

        var sent = SERVICES.last("POST", "/api/reports");
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.idempotencyKey()).isEqualTo("form-key-1");
        assertThat(sent.body()).contains("\"channel\":\"党建新闻\"", "\"title\":\"如意先锋战疫情\"", "\"contributor\":\"张贵玲\"")
                .doesNotContain("unit");
    }

    @Test
    void aRefusedSubmissionShowsTheFormAgainWithWhatWasTypedAndTheFieldsIngestNamed() throws Exception {
        SERVICES.raw("POST", "/api/reports", 400, "application/problem+json",
                "{\"status\":400,\"title\":\"Invalid request\",\"errors\":[{\"field\":\"title\",\"message\":\"must not be blank\"}]}");

        String page = mvc.perform(post("/unit/reports").with(unit()).with(csrf()).param("channel", "党建新闻").param("body", "正文保留。")
                        .param("key", "form-key-2"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请求有误（title must not be blank）", "正文保留。", "value=\"form-key-2\"", "value=\"党建新闻\"");
    }

    @Test
    void theFormHasALabelForEveryFieldAndAFreshKey() throws Exception {
        String page = mvc.perform(get("/unit/reports/new").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<label for=\"channel\">栏目</label>", "<label for=\"title\">标题</label>", "<label for=\"body\">正文</label>",
                "name=\"key\"", "name=\"_csrf\"", "（南宁市中医医院党委）");
    }

    @Test
    void aRejectedReportShowsItsStatusAndTheModeratorsReason() throws Exception {
        SERVICES.json("GET", "/api/reports/rpt-42", 200, """
                {"id":"rpt-42","status":"REJECTED","revision":1,"rejectionReason":"请补充供稿人信息","unit":"南宁市中医医院党委",
                 "channel":"党建新闻","title":"如意先锋战疫情","body":"正文。","submittedAt":"2026-12-03T01:00:00Z"}""");

        String page = mvc.perform(get("/unit/reports/rpt-42").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("已退回", "请补充供稿人信息", "2026-12-03 09:00");
    }

    @Test
    void anotherUnitsReportIsThePageIngestsRefusalNotAnErrorPage() throws Exception {
        SERVICES.problem("GET", "/api/reports/rpt-other", 404, "report rpt-other not found");

        String page = mvc.perform(get("/unit/reports/rpt-other").with(unit())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("没有找到：report rpt-other not found", "返回首页");
    }

    @Test
    void theDeskListsWhatBecameOfTheUnitsReportsAndStillOffersSubmittingWhenNoticesFail() throws Exception {
        SERVICES.json("GET", "/api/units/me/notifications", 200, """
                {"total":1,"page":0,"size":20,"notifications":[{"id":"n1","kind":"OUTCOME","articleId":"rpt-42","title":"如意先锋战疫情",
                 "message":"已发布","createdAt":"2026-12-03T01:00:00Z"}]}""");

        String desk = mvc.perform(get("/unit").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(desk).contains("href=\"/unit/reports/rpt-42\"", "已发布");

        SERVICES.reset();
        SERVICES.problem("GET", "/api/units/me/notifications", 403, "not yours");
        String failed = mvc.perform(get("/unit").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(failed).contains("没有权限：not yours", "报送新闻");
    }

    @Test
    void aModeratorIsNotShownTheUnitsDesk() throws Exception {
        mvc.perform(get("/unit").with(signedIn("moderator", "MODERATOR", null))).andExpect(status().isForbidden());
    }
}
