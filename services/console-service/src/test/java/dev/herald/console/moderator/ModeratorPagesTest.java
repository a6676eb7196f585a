package dev.herald.console.moderator;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ModeratorPagesTest extends PageTest {

    static final String QUEUE = """
            {"status":"PENDING","total":2,"page":0,"size":10,"reviews":[
              {"id":"rpt-9","status":"PENDING","revision":1,"unit":"某公司","channel":"党建新闻","title":"优惠促销",
               "submittedAt":"2026-12-03T01:00:00Z","verdict":"LIKELY_SPAM","score":80,
               "claim":{"moderator":"moderator-2","claimedAt":"2026-12-03T01:00:00Z","expiresAt":"2026-12-03T01:15:00Z"},"important":false},
              {"id":"rpt-1","status":"PENDING","revision":1,"unit":"南宁市中医医院党委","channel":"党建新闻","title":"如意先锋战疫情",
               "submittedAt":"2026-12-03T00:00:00Z","verdict":"CLEAN","score":0,"claim":null,"important":false}]}""";

    static final String REVIEW = """
            {"id":"rpt-9","status":"PENDING","revision":1,"submittedAt":"2026-12-03T01:00:00Z",
             "article":{"unit":"某公司","channel":"党建新闻","title":"优惠促销","body":"欢迎致电13800138000咨询，本店大优惠。"},
             "claim":null,
             "screening":{"verdict":"LIKELY_SPAM","score":80,"findings":[
               {"kind":"CONTACT","severity":"HIGH","message":"正文含手机号码","field":"body","start":4,"end":15},
               {"kind":"PROMOTION","severity":"MEDIUM","message":"推广用语","field":"body","start":20,"end":23}]}}""";

    @Test
    void theQueueAsksForTheRiskiestFirstWithTheModeratorsTokenAndShowsWhoHoldsAClaim() throws Exception {
        SERVICES.json("GET", "/api/reviews", 200, QUEUE);

        String page = mvc.perform(get("/moderation").with(moderator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(SERVICES.last("GET", "/api/reviews").query()).contains("status=PENDING", "sort=RISK");
        assertThat(SERVICES.last("GET", "/api/reviews").authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(page).contains("共 2 条", "优惠促销", "疑似垃圾", "moderator-2（至 2026-12-03 09:15）", "href=\"/moderation/reviews/rpt-9\"",
                "hx-trigger=\"every 15s\"");
        // the token itself never reaches the page
        assertThat(page).doesNotContain(TOKEN);
    }

    @Test
    void queueFiltersGoToModerationAndTheRowsRefreshAlone() throws Exception {
        SERVICES.json("GET", "/api/reviews", 200, QUEUE);

        String rows = mvc.perform(get("/moderation/rows").with(moderator()).param("verdict", "LIKELY_SPAM").param("channel", "党建新闻")
                .param("sort", "AGE")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(SERVICES.last("GET", "/api/reviews").query()).contains("verdict=LIKELY_SPAM", "channel=党建新闻", "sort=AGE");
        assertThat(rows).contains("id=\"rows\"", "优惠促销").doesNotContain("<html");
    }

    @Test
    void aLeaderAsksForWhatTheyMayDecideAtOneStageAndSeesEachRowsStageAndImportance() throws Exception {
        SERVICES.json("GET", "/api/reviews", 200, QUEUE.replace("\"important\":false},", """
                "important":true,"stage":{"name":"终审","role":"LEADER","confidentiality":false,"number":3,"of":3,
                "since":"2026-12-03T01:30:00Z"}},"""));

        String page = mvc.perform(get("/moderation").with(moderator()).param("stage", "终审").param("decidable", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(SERVICES.last("GET", "/api/reviews").query()).contains("stage=终审", "decidable=true");
        assertThat(page).contains("终审（3/3）", "<strong class=\"important\">重要</strong>", "name=\"decidable\" value=\"true\" checked=\"checked\"")
                // the rows refresh every 15 s with the same stage and the same "mine to decide"
                .contains("stage=%E7%BB%88%E5%AE%A1&amp;decidable=true");
    }

    @Test
    void withoutAskingForWhatTheyMayDecideTheQueueIsNotNarrowedToIt() throws Exception {
        SERVICES.json("GET", "/api/reviews", 200, QUEUE);

        mvc.perform(get("/moderation").with(moderator())).andExpect(status().isOk());

        assertThat(SERVICES.last("GET", "/api/reviews").query()).doesNotContain("decidable", "stage=");
    }

    @Test
    void theReviewMarksEachFindingAtItsSpanAndExplainsIt() throws Exception {
        SERVICES.json("GET", "/api/reviews/rpt-9", 200, REVIEW);

        String page = mvc.perform(get("/moderation/reviews/rpt-9").with(moderator())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("欢迎致电<mark aria-describedby=\"finding-1\">13800138000</mark>咨询，本店<mark aria-describedby=\"finding-2\">大优惠</mark>。");
        assertThat(page).contains("id=\"finding-1\"", "[联系方式·高] 正文含手机号码", "[推广·中] 推广用语");
        assertThat(page).contains("name=\"_csrf\"", "accesskey=\"a\"", "<option value=\"INCOMPLETE\">内容不完整</option>");
    }

    @Test
    void approvingPostsToModerationAndComesBackToTheReviewSayingSo() throws Exception {
        SERVICES.json("POST", "/api/reviews/rpt-9/approve", 200, REVIEW);

        mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator()).with(csrf()).param("note", "内容属实"))
                .andExpect(redirectedUrl("/moderation/reviews/rpt-9")).andExpect(flash().attribute("notice", "已通过。"));

        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/approve").body()).isEqualTo("{\"note\":\"内容属实\"}");
        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/approve").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aClaimSomeoneElseHoldsIsShownAsWhoAndUntilWhenNeverAsAnErrorPage() throws Exception {
        SERVICES.problem("POST", "/api/reviews/rpt-9/claim", 409,
                "review rpt-9 is claimed by moderator-2 until 2026-12-03T01:15:00Z");

        mvc.perform(post("/moderation/reviews/rpt-9/claim").with(moderator()).with(csrf()))
                .andExpect(redirectedUrl("/moderation/reviews/rpt-9"))
                .andExpect(flash().attribute("error", "已被 moderator-2 认领至 2026-12-03 09:15"));
    }

    @Test
    void aRejectionCarriesItsReasonCodeAndAnInvalidOneComesBackAsTheServicesMessage() throws Exception {
        SERVICES.raw("POST", "/api/reviews/rpt-9/reject", 400, "application/problem+json",
                "{\"status\":400,\"title\":\"Invalid request\",\"errors\":[{\"field\":\"reason\",\"message\":\"must not be blank\"}]}");

        mvc.perform(post("/moderation/reviews/rpt-9/reject").with(moderator()).with(csrf()).param("reasonCode", "INCOMPLETE").param("reason", " "))
                .andExpect(redirectedUrl("/moderation/reviews/rpt-9"))
                .andExpect(flash().attribute("error", "请求有误（reason must not be blank）"));

        assertThat(SERVICES.last("POST", "/api/reviews/rpt-9/reject").body()).contains("\"reasonCode\":\"INCOMPLETE\"");
    }

    @Test
    void aDecisionAlreadyMadeIsAConflictShownBesideTheReview() throws Exception {
        SERVICES.problem("POST", "/api/reviews/rpt-9/request-changes", 409, "review rpt-9 is already APPROVED");

        mvc.perform(post("/moderation/reviews/rpt-9/request-changes").with(moderator()).with(csrf()).param("message", "请补充"))
                .andExpect(flash().attribute("error", "状态已变化：review rpt-9 is already APPROVED"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedBeforeModerationHearsOfIt() throws Exception {
        mvc.perform(post("/moderation/reviews/rpt-9/approve").with(moderator())).andExpect(status().isForbidden());

        assertThat(SERVICES.received()).isEmpty();
    }

    @Test
    void aUnitIsNotShownTheQueueAndSomeoneNotSignedInIsSentToSignInFirst() throws Exception {
        mvc.perform(get("/moderation").with(unit())).andExpect(status().isForbidden());
        mvc.perform(get("/moderation/reviews/rpt-9")).andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/oauth2/authorization/herald")));

        assertThat(SERVICES.received()).isEmpty();
    }

    @Test
    void aReviewModerationDoesNotKnowIsA404PageWithTheMessage() throws Exception {
        SERVICES.problem("GET", "/api/reviews/nope", 404, "review nope not found");

        mvc.perform(get("/moderation/reviews/nope").with(moderator())).andExpect(status().isNotFound());
    }
}
