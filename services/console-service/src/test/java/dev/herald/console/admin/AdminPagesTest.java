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

/** Units and channels, the screening lexicon, and who may see the admin pages at all. */
class AdminPagesTest extends PageTest {

    private static final String UNITS = """
            {"total":2,"units":[
             {"name":"南宁市中医医院党委","aliases":["南宁市中医医院"],"channels":["党建新闻"],"trusted":true,"unitSignOff":false,"version":2},
             {"name":"广西医科大学","aliases":[],"parent":"自治区卫健委","channels":[],"trusted":false,"unitSignOff":true,"version":1}]}""";

    private static final String CHANNELS = """
            {"total":1,"channels":[{"name":"党建新闻","description":"党建工作动态","position":1,"version":1}]}""";

    private static final String LEXICON = """
            {"version":"v7","terms":["兼职刷单","代开发票"],"allowed":["刷单诈骗防范"],
             "changes":[{"at":"2026-12-03T01:00:00Z","by":"admin","action":"term-added","entry":"兼职刷单"}]}""";

    @Test
    void onlyAnAdministratorSeesTheAdminPagesAndTheNavigationNamesThemToHimAlone() throws Exception {
        mvc.perform(get("/admin").with(moderator())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/dead-letters").with(unit())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/search/index/rebuild").with(subscriber()).with(csrf())).andExpect(status().isForbidden());

        String desk = mvc.perform(get("/admin").with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String moderators = mvc.perform(get("/search").with(moderator())).andReturn().getResponse().getContentAsString();

        assertThat(desk).contains("href=\"/admin/registry\"", "href=\"/admin/lexicon\"", "href=\"/admin/search\"", "href=\"/admin/dead-letters\"",
                "<a href=\"/admin\">系统管理</a>");
        assertThat(moderators).doesNotContain("href=\"/admin\"");
        assertThat(SERVICES.received()).noneMatch(r -> r.path().startsWith("/api/admin") || r.path().startsWith("/api/search/index"));
    }

    @Test
    void unitsAndChannelsAreListedWithTheirSettingsInChinese() throws Exception {
        SERVICES.json("GET", "/api/units", 200, UNITS).json("GET", "/api/channels", 200, CHANNELS);

        String page = mvc.perform(get("/admin/registry").with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<th scope=\"row\">南宁市中医医院党委</th>", "南宁市中医医院", "可信", "全部栏目", "自治区卫健委", "需本单位审签")
                .contains("<th scope=\"row\">党建新闻</th>", "党建工作动态")
                .contains("<label for=\"unit-name\">名称</label>", "<label for=\"channel-name\">名称</label>");
        assertThat(SERVICES.last("GET", "/api/units").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aUnitIsRegisteredWithItsAliasesChannelsAndSettings() throws Exception {
        SERVICES.json("PUT", "/api/units/桂林市人民医院党委", 201, "{\"name\":\"桂林市人民医院党委\"}");

        mvc.perform(post("/admin/units").with(admin()).with(csrf()).param("name", " 桂林市人民医院党委 ").param("aliases", "桂林市人民医院，桂林人民医院")
                        .param("channels", "党建新闻、医院动态").param("trusted", "true"))
                .andExpect(redirectedUrl("/admin/registry")).andExpect(flash().attribute("notice", "已保存单位：桂林市人民医院党委"));

        assertThat(SERVICES.last("PUT", "/api/units/桂林市人民医院党委").body())
                .contains("\"aliases\":[\"桂林市人民医院\",\"桂林人民医院\"]", "\"channels\":[\"党建新闻\",\"医院动态\"]", "\"trusted\":true",
                        "\"unitSignOff\":false")
                .doesNotContain("parent", "version");
    }

    @Test
    void aChannelIsRegisteredAndARefusedOneIsShownBesideTheFormKeepingWhatWasTyped() throws Exception {
        SERVICES.json("PUT", "/api/channels/医院动态", 201, "{\"name\":\"医院动态\"}");

        mvc.perform(post("/admin/channels").with(admin()).with(csrf()).param("name", "医院动态").param("description", "医院工作").param("position", "3"))
                .andExpect(redirectedUrl("/admin/registry")).andExpect(flash().attribute("notice", "已保存栏目：医院动态"));
        assertThat(SERVICES.last("PUT", "/api/channels/医院动态").body()).isEqualTo("{\"description\":\"医院工作\",\"position\":3}");

        SERVICES.json("GET", "/api/units", 200, UNITS).json("GET", "/api/channels", 200, CHANNELS)
                .raw("PUT", "/api/channels/me", 400, "application/problem+json",
                        "{\"status\":400,\"title\":\"Invalid request\",\"errors\":[{\"field\":\"name\",\"message\":\"must be 1 to 50 characters, not 'me'\"}]}");
        String page = mvc.perform(post("/admin/channels").with(admin()).with(csrf()).param("name", "me").param("description", "试试"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请求有误（name must be 1 to 50 characters, not &#39;me&#39;）", "value=\"试试\"", "<th scope=\"row\">党建新闻</th>");
    }

    @Test
    void theLexiconShowsItsTermsAllowListAndChangesInChinese() throws Exception {
        SERVICES.json("GET", "/api/screening/lexicon", 200, LEXICON);

        String page = mvc.perform(get("/admin/lexicon").with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("词库版本：v7", "敏感词", "放行词", "<span>代开发票</span>", "<span>兼职刷单</span>", "<span>刷单诈骗防范</span>")
                .contains("action=\"/admin/lexicon/terms/remove\"", "action=\"/admin/lexicon/allowed\"", "<label for=\"new-allowed\">新放行词</label>")
                .contains("2026-12-03 09:00", "添加敏感词").doesNotContain("term-added");
        // listed in order, so an administrator finds a term
        assertThat(page.indexOf("<span>代开发票</span>")).isLessThan(page.indexOf("<span>兼职刷单</span>"));
    }

    @Test
    void aTermIsAddedToEitherListAndRemovedByItsPath() throws Exception {
        SERVICES.json("POST", "/api/screening/lexicon/allowed", 200, LEXICON).raw("DELETE", "/api/screening/lexicon/terms/代开发票", 204, "application/json", "");

        mvc.perform(post("/admin/lexicon/allowed").with(admin()).with(csrf()).param("term", " 反刷单宣传 "))
                .andExpect(redirectedUrl("/admin/lexicon")).andExpect(flash().attribute("notice", "已添加放行词：反刷单宣传"));
        assertThat(SERVICES.last("POST", "/api/screening/lexicon/allowed").body()).isEqualTo("{\"term\":\"反刷单宣传\"}");

        mvc.perform(post("/admin/lexicon/terms/remove").with(admin()).with(csrf()).param("term", "代开发票"))
                .andExpect(flash().attribute("notice", "已删除敏感词：代开发票"));
        assertThat(SERVICES.last("DELETE", "/api/screening/lexicon/terms/代开发票").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aRefusedTermIsSaidOnTheLexiconPageAndAnUnknownListIsNeverAPathOfTheCallers() throws Exception {
        SERVICES.problem("POST", "/api/screening/lexicon/terms", 400, "term must be 2 to 50 characters");

        mvc.perform(post("/admin/lexicon/terms").with(admin()).with(csrf()).param("term", "x"))
                .andExpect(redirectedUrl("/admin/lexicon")).andExpect(flash().attribute("error", "请求有误：term must be 2 to 50 characters"))
                .andExpect(flash().attribute("typedterms", "x"));

        mvc.perform(post("/admin/lexicon/secrets").with(admin()).with(csrf()).param("term", "y")).andExpect(redirectedUrl("/admin/lexicon"));
        assertThat(SERVICES.received()).allMatch(r -> r.path().equals("/api/screening/lexicon/terms"));
    }

    @Test
    void aLexiconModerationCannotReadIsItsStatusPageNotAnErrorPage() throws Exception {
        SERVICES.problem("GET", "/api/screening/lexicon", 403, "ADMIN only");

        String page = mvc.perform(get("/admin/lexicon").with(admin())).andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("没有权限：ADMIN only");
    }
}
