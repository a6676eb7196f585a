package dev.herald.console.admin;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Search's dictionary and the index rebuild with its progress. */
class SearchAdminPagesTest extends PageTest {

    private static final String DICTIONARY = """
            {"revision":4,"phrases":["南宁市中医医院","如意先锋"],"synonyms":[["新冠","新型冠状病毒"]],"updatedBy":"admin",
             "updatedAt":"2026-12-03T01:00:00Z"}""";

    private static final String INDEX = """
            {"documents":1200,"stored":1200,"schema":"v3","rebuilding":false,
             "lastRebuild":{"startedAt":"2026-12-02T01:00:00Z","finishedAt":"2026-12-02T01:03:00Z","documents":1180,"reason":"requested by an administrator"}}""";

    @Test
    void theDictionaryIsShownForEditingWithItsRevisionAndTheIndexWithItsCounts() throws Exception {
        SERVICES.json("GET", "/api/search/dictionary", 200, DICTIONARY).json("GET", "/api/search/index", 200, INDEX);

        String page = mvc.perform(get("/admin/search").with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("第 4 版，admin 修改于 2026-12-03 09:00", "name=\"revision\" value=\"4\"", "南宁市中医医院\n如意先锋", "新冠，新型冠状病毒")
                .contains("索引中 1,200 篇，存储中 1,200 篇", "上次重建：2026-12-02 09:00 开始，2026-12-02 09:03 结束，共 1,180 篇 （由管理员发起）",
                        "action=\"/admin/search/index/rebuild\"")
                .doesNotContain("hx-trigger");
    }

    @Test
    void theDictionaryIsReplacedWholeWithTheRevisionItWasReadAt() throws Exception {
        SERVICES.raw("PUT", "/api/search/dictionary", 200, "application/json", DICTIONARY);

        mvc.perform(post("/admin/search/dictionary").with(admin()).with(csrf()).param("phrases", "南宁市中医医院\r\n如意先锋\r\n")
                        .param("synonyms", "新冠，新型冠状病毒\r\n医保 医疗保险").param("revision", "4"))
                .andExpect(redirectedUrl("/admin/search"));

        assertThat(SERVICES.last("PUT", "/api/search/dictionary").body()).isEqualTo(
                "{\"phrases\":[\"南宁市中医医院\",\"如意先锋\"],\"synonyms\":[[\"新冠\",\"新型冠状病毒\"],[\"医保\",\"医疗保险\"]],\"revision\":4}");
    }

    @Test
    void aDictionaryChangedMeanwhileIsAConflictShownBesideTheFormKeepingWhatWasTyped() throws Exception {
        SERVICES.json("GET", "/api/search/dictionary", 200, DICTIONARY.replace("\"revision\":4", "\"revision\":5"))
                .json("GET", "/api/search/index", 200, INDEX)
                .problem("PUT", "/api/search/dictionary", 409, "the dictionary changed since revision 4; it is now at 5");

        String page = mvc.perform(post("/admin/search/dictionary").with(admin()).with(csrf()).param("phrases", "我加的词组")
                        .param("synonyms", "").param("revision", "4"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("状态已变化：the dictionary changed since revision 4; it is now at 5", ">我加的词组</textarea>",
                "name=\"revision\" value=\"4\"");
    }

    @Test
    void aRebuildIsStartedAndItsProgressAskedForUntilItEnds() throws Exception {
        SERVICES.json("POST", "/api/search/index/rebuild", 202, INDEX.replace("\"rebuilding\":false", "\"rebuilding\":true"));

        mvc.perform(post("/admin/search/index/rebuild").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/search")).andExpect(flash().attribute("notice", "已开始重建索引。"));
        assertThat(SERVICES.last("POST", "/api/search/index/rebuild").authorization()).isEqualTo("Bearer " + TOKEN);

        SERVICES.json("GET", "/api/search/index", 200, INDEX.replace("\"rebuilding\":false", "\"rebuilding\":true"));
        String running = mvc.perform(get("/admin/search/index").with(admin()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(running).startsWith("<section id=\"index\"").contains("hx-get=\"/admin/search/index\"", "hx-trigger=\"every 2s\"",
                "正在重建索引…").doesNotContain("action=\"/admin/search/index/rebuild\"", "<html");
    }

    @Test
    void aSecondRebuildIsSearchsConflictSaidOnThePage() throws Exception {
        SERVICES.problem("POST", "/api/search/index/rebuild", 409, "a rebuild is already running");

        mvc.perform(post("/admin/search/index/rebuild").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/search")).andExpect(flash().attribute("error", "状态已变化：a rebuild is already running"));
    }

    @Test
    void aSearchServiceAwayIsA503PageNamingIt() throws Exception {
        SERVICES.problem("GET", "/api/search/dictionary", 503, "starting");

        String page = mvc.perform(get("/admin/search").with(admin())).andExpect(status().isBadGateway()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("检索服务出错了（503）：starting");
    }

    @Test
    void aDictionaryNeverChangedSaysSoAndARebuildReasonSearchLearnsLaterIsShownAsSearchWroteIt() throws Exception {
        SERVICES.json("GET", "/api/search/dictionary", 200, "{\"phrases\":[\"不忘初心\"],\"synonyms\":[],\"updatedBy\":\"starter\"}")
                .json("GET", "/api/search/index", 200, INDEX.replace("requested by an administrator", "a new analyzer"));

        String page = mvc.perform(get("/admin/search").with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("初始词典，尚未修改过。", "name=\"revision\" value=\"\"", "共 1,180 篇 a new analyzer").doesNotContain("null");
    }
}
