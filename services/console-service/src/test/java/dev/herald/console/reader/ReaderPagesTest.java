package dev.herald.console.reader;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReaderPagesTest extends PageTest {

    static final String RESULTS = """
            {"query":"疫情","total":23,"page":0,"size":10,"next":null,
             "hits":[{"id":"rpt-1","title":"如意先锋战<em>疫情</em>","channel":"党建新闻","unit":"南宁市中医医院党委",
                      "publishedAt":"2026-12-03T02:05:00Z","snippet":"防控<em>疫情</em> &lt;script&gt;alert(1)&lt;/script&gt; 一线"}],
             "facets":{"channel":[{"value":"党建新闻","count":20}],"unit":[{"value":"南宁市中医医院党委","count":3}]}}""";

    @Test
    void aReaderSearchesWithoutSigningInAndSeesTheMatchesMarkedInTheSnippet() throws Exception {
        SERVICES.json("GET", "/api/search", 200, RESULTS);

        String page = mvc.perform(get("/search").param("q", "疫情")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("共 23 条结果", "如意先锋战<mark>疫情</mark>", "防控<mark>疫情</mark>", "党建新闻 (20)",
                "href=\"/articles/rpt-1\"", "下一页");
        // the date in the platform's zone (Asia/Shanghai: 02:05Z is 10:05)
        assertThat(page).contains("2026-12-03 10:05");
        // a service's markup other than the match is shown as text, never as a tag
        assertThat(page).contains("&lt;script&gt;").doesNotContain("<script>alert");
        assertThat(SERVICES.last("GET", "/api/search").query()).contains("q=疫情", "page=0", "size=10");
        assertThat(SERVICES.last("GET", "/api/search").authorization()).isNull();
    }

    @Test
    void filtersAndPagesGoToSearchAsTheyWereChosen() throws Exception {
        SERVICES.json("GET", "/api/search", 200, RESULTS.replace("\"page\":0", "\"page\":1"));

        String page = mvc.perform(get("/search").param("q", "疫情").param("channel", "党建新闻").param("unit", "南宁市中医医院党委")
                .param("page", "1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(SERVICES.last("GET", "/api/search").query()).contains("channel=党建新闻", "unit=南宁市中医医院党委", "page=1");
        assertThat(page).contains("上一页").contains("aria-current=\"true\"");
    }

    @Test
    void datesAndTheOrderGoToSearchAndStayChosenAcrossFacetsAndPages() throws Exception {
        SERVICES.json("GET", "/api/search", 200, RESULTS);

        String page = mvc.perform(get("/search").param("q", "疫情").param("from", "2020-01-01").param("to", "2020-12-31")
                .param("sort", "date")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(SERVICES.last("GET", "/api/search").query()).contains("from=2020-01-01", "to=2020-12-31", "sort=date");
        assertThat(page).contains("<label for=\"from\">起始日期</label>", "value=\"2020-01-01\"", "value=\"2020-12-31\"",
                "<option value=\"date\" selected=\"selected\">按发布时间（新的在前）</option>");
        // the channel facet and the next page keep the dates and the order
        assertThat(page).contains("channel=%E5%85%9A%E5%BB%BA%E6%96%B0%E9%97%BB&amp;unit=&amp;from=2020-01-01&amp;to=2020-12-31&amp;sort=date")
                .contains("from=2020-01-01&amp;to=2020-12-31&amp;sort=date&amp;page=1");
    }

    @Test
    void aDateSearchRefusesIsShownAsAMessageNamingTheField() throws Exception {
        SERVICES.raw("GET", "/api/search", 400, "application/problem+json",
                "{\"status\":400,\"title\":\"Invalid request\",\"errors\":[{\"field\":\"from\",\"message\":\"must be a date\"}]}");

        String page = mvc.perform(get("/search").param("q", "疫情").param("from", "2020-13-01")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请求有误", "from must be a date", "role=\"alert\"");
    }

    @Test
    void anArticlePageListsRelatedArticlesUnderIt() throws Exception {
        SERVICES.json("GET", "/api/articles/rpt-1", 200, """
                {"id":"rpt-1","unit":"南宁市中医医院党委","channel":"党建新闻","title":"如意先锋战疫情","body":"第一段。",
                 "publishedAt":"2026-12-03T16:30:00Z"}""");
        SERVICES.json("GET", "/api/articles/rpt-1/related", 200, """
                [{"id":"rpt-7","title":"党旗飘扬在抗疫一线","channel":"党建新闻","unit":"南宁市第一人民医院","publishedAt":"2026-11-20T01:00:00Z","score":3.2}]""");

        String page = mvc.perform(get("/articles/rpt-1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("相关报道", "href=\"/articles/rpt-7\"", "党旗飘扬在抗疫一线", "南宁市第一人民医院", "2026-11-20 09:00");
        assertThat(SERVICES.last("GET", "/api/articles/rpt-1/related").query()).contains("size=5");
    }

    @Test
    void anArticleWhoseRelatedArticlesSearchCannotFindIsShownWithoutThem() throws Exception {
        SERVICES.json("GET", "/api/articles/rpt-1", 200, """
                {"id":"rpt-1","unit":"南宁市中医医院党委","channel":"党建新闻","title":"如意先锋战疫情","body":"第一段。",
                 "publishedAt":"2026-12-03T16:30:00Z"}""");
        SERVICES.raw("GET", "/api/articles/rpt-1/related", 503, "application/problem+json", "{\"status\":503,\"title\":\"Unavailable\"}");

        String page = mvc.perform(get("/articles/rpt-1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>如意先锋战疫情</h1>").doesNotContain("相关报道");
    }

    @Test
    void theFrontPageIsTheSearchFormWithALabelAndLandmarks() throws Exception {
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("lang=\"zh-CN\"", "<label for=\"q\">关键词</label>", "<main id=\"main\">", "role=\"search\"",
                "<nav aria-label=\"主导航\">", "跳到正文", "/vendor/htmx/htmx-2.0.10.min.js", "登录");
        assertThat(SERVICES.received()).isEmpty();
    }

    @Test
    void aQuerySearchRefusesIsShownAsAMessageNamingTheField() throws Exception {
        SERVICES.raw("GET", "/api/search", 400, "application/problem+json",
                "{\"status\":400,\"title\":\"Invalid request\",\"errors\":[{\"field\":\"q\",\"message\":\"引号未闭合\"}]}");

        String page = mvc.perform(get("/search").param("q", "\"疫情")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请求有误", "q 引号未闭合", "role=\"alert\"");
    }

    @Test
    void anArticlePageShowsTheArticleWithItsDateInThePlatformsZone() throws Exception {
        SERVICES.json("GET", "/api/articles/rpt-1", 200, """
                {"id":"rpt-1","unit":"南宁市中医医院党委","channel":"党建新闻","title":"如意先锋战疫情","body":"第一段。\\n\\n第二段。",
                 "contributor":"张贵玲","publishedAt":"2026-12-03T16:30:00Z"}""");

        String page = mvc.perform(get("/articles/rpt-1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1>如意先锋战疫情</h1>", "<p>第一段。</p>", "<p>第二段。</p>", "2026-12-04 00:30", "张贵玲");
    }

    @Test
    void anArticlePageShowsItsCorrectionsAndWhoReviewedAndSignedItOffUnderIt() throws Exception {
        SERVICES.json("GET", "/api/articles/rpt-2", 200, """
                {"id":"rpt-2","unit":"南宁市中医医院党委","channel":"党建新闻","title":"六月三十日开展主题党日活动","body":"正文。",
                 "publishedAt":"2026-12-03T16:30:00Z",
                 "signOffs":[{"stage":"初审","by":"chen.jing","role":"MODERATOR","at":"2026-12-03T15:00:00Z"},
                             {"stage":"签发","by":"wang.fang","role":"LEADER","at":"2026-12-03T16:30:00Z"}],
                 "corrections":[{"version":2,"at":"2026-12-03T16:30:00Z","note":"更正：活动日期应为6月30日"}]}""");

        String page = mvc.perform(get("/articles/rpt-2")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h2 id=\"corrections-title\">更正</h2>", "<span>更正：活动日期应为6月30日</span>",
                "<dt>初审</dt><dd>chen.jing</dd>", "<dt>签发</dt><dd>wang.fang</dd>");
    }

    @Test
    void anArticleThatDoesNotExistIsA404PageSayingSo() throws Exception {
        SERVICES.problem("GET", "/api/articles/gone", 404, "article gone not found");

        mvc.perform(get("/articles/gone")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("没有找到：article gone not found")));
    }

    @Test
    void aSearchServiceFailureIsAPageNamingTheService() throws Exception {
        SERVICES.raw("GET", "/api/search", 502, "text/html", "<html>bad gateway</html>");

        String page = mvc.perform(get("/search").param("q", "疫情")).andExpect(status().isBadGateway())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("检索服务出错了（502）");
    }
}
