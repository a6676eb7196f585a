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

class SignOffPagesTest extends PageTest {

    static final String WAITING = """
            {"id":"rpt-5","status":"AWAITING_UNIT_SIGN_OFF","revision":2,"unit":"南宁市中医医院党委","channel":"党建新闻",
             "title":"党支部开展主题党日活动","body":"十二月三日，党支部开展主题党日活动。","contributor":"李医生",
             "submittedAt":"2026-12-03T01:00:00Z","statusChangedAt":"2026-12-03T02:00:00Z","important":false}""";

    @Test
    void theUnitsResponsiblePersonSeesWhatWaitsForTheirSignOff() throws Exception {
        SERVICES.json("GET", "/api/reports", 200, "{\"status\":\"AWAITING_UNIT_SIGN_OFF\",\"total\":1,\"page\":0,\"size\":20,\"reports\":["
                + WAITING + "]}");

        String page = mvc.perform(get("/sign-off").with(unitReviewer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(SERVICES.last("GET", "/api/reports").query()).contains("status=AWAITING_UNIT_SIGN_OFF", "size=20");
        assertThat(SERVICES.last("GET", "/api/reports").authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(page).contains("共 1 篇待签发", "href=\"/sign-off/rpt-5\"", "党支部开展主题党日活动", "2026-12-03 10:00", "本单位签发");
    }

    @Test
    void aWaitingReportIsReadInFullWithTheTwoDecisionsOffered() throws Exception {
        SERVICES.json("GET", "/api/reports/rpt-5", 200, WAITING);

        String page = mvc.perform(get("/sign-off/rpt-5").with(unitReviewer())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("十二月三日，党支部开展主题党日活动。", "待本单位签发", "action=\"/sign-off/rpt-5/sign-off\"",
                "action=\"/sign-off/rpt-5/return\"", "<label for=\"message\">退回意见</label>");
    }

    @Test
    void signingOffSendsTheReportOnAndSaysSo() throws Exception {
        SERVICES.json("POST", "/api/reports/rpt-5/sign-off", 200, WAITING.replace("AWAITING_UNIT_SIGN_OFF", "SUBMITTED"));

        mvc.perform(post("/sign-off/rpt-5/sign-off").with(unitReviewer()).with(csrf()))
                .andExpect(redirectedUrl("/sign-off"))
                .andExpect(flash().attribute("notice", "已签发《党支部开展主题党日活动》，已报送平台审核。"));

        assertThat(SERVICES.last("POST", "/api/reports/rpt-5/sign-off").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void sendingBackCarriesTheMessageToTheSubmitter() throws Exception {
        SERVICES.json("POST", "/api/reports/rpt-5/request-changes", 200, WAITING.replace("AWAITING_UNIT_SIGN_OFF", "CHANGES_REQUESTED"));

        mvc.perform(post("/sign-off/rpt-5/return").with(unitReviewer()).with(csrf()).param("message", " 请补充活动地点 "))
                .andExpect(redirectedUrl("/sign-off"))
                .andExpect(flash().attribute("notice", "已将《党支部开展主题党日活动》退回报送人修改。"));

        assertThat(SERVICES.last("POST", "/api/reports/rpt-5/request-changes").body()).isEqualTo("{\"message\":\"请补充活动地点\"}");
    }

    @Test
    void aReportDecidedMeanwhileIsSaidAsWhatHappenedBesideTheReportAsItNowStands() throws Exception {
        SERVICES.raw("POST", "/api/reports/rpt-5/request-changes", 409, "application/problem+json",
                "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"report rpt-5 is not waiting for the unit's sign-off\"}");
        SERVICES.json("GET", "/api/reports/rpt-5", 200, WAITING.replace("AWAITING_UNIT_SIGN_OFF", "SUBMITTED"));

        String page = mvc.perform(post("/sign-off/rpt-5/return").with(unitReviewer()).with(csrf()).param("message", "请补充活动地点"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("role=\"alert\"", "已提交").doesNotContain("action=\"/sign-off/rpt-5/return\"");
    }

    @Test
    void onlyTheUnitsResponsiblePersonMaySignOff() throws Exception {
        mvc.perform(get("/sign-off").with(unit())).andExpect(status().isForbidden());
        mvc.perform(post("/sign-off/rpt-5/sign-off").with(moderator()).with(csrf())).andExpect(status().isForbidden());

        assertThat(SERVICES.received()).isEmpty();
    }
}
