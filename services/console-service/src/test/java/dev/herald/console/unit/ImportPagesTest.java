package dev.herald.console.unit;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ImportPagesTest extends PageTest {

    /** A draft as ingest's DraftView answers it: a title and a date read from lines of the page, chrome cut away. */
    private static final String DRAFT = """
            {"id":"drf-1","unit":"南宁市中医医院党委","status":"OPEN","origin":{"kind":"PASTED_HTML"},
             "content":{"channel":"党建新闻","title":"如意先锋战疫情","body":"自疫情防控工作开展以来……","author":"张贵玲",
                        "originalPublishedAt":"2020-04-02","tags":[]},
             "extracted":{"title":{"value":"如意先锋战疫情","confidence":0.9,"span":{"line":1,"start":0,"end":7}},
                          "originalDate":{"value":"2020-04-02","confidence":0.55,"span":{"line":2,"start":5,"end":15}},
                          "contributingUnit":{"value":"南宁市中医医院党委","confidence":0.7,"span":null}},
             "sections":[],"removed":[{"fromLine":0,"toLine":0,"kind":"navigation","text":"首页 > 党建动态"},
                                      {"fromLine":9,"toLine":10,"kind":"pager","text":"上一篇：…\\n下一篇：…"}],
             "warnings":["正文较短，请核对是否完整"],"version":3,"createdAt":"2026-12-03T01:00:00Z",
             "lines":["首页 > 党建动态","如意先锋战疫情 党旗一线红","发布时间：2020-04-02 来源：本站","正文"]}""";

    @Test
    void aPastedPageIsImportedWithTheUnitsTokenAndTheFormsKeyAndOpensItsDraft() throws Exception {
        SERVICES.json("POST", "/api/reports/import", 201, DRAFT);

        mvc.perform(post("/unit/import").with(unit()).with(csrf()).param("html", "<html><h1>如意先锋战疫情</h1></html>")
                        .param("url", "").param("key", "import-key-1"))
                .andExpect(redirectedUrl("/unit/drafts/drf-1"));

        var sent = SERVICES.last("POST", "/api/reports/import");
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.idempotencyKey()).isEqualTo("import-key-1");
        assertThat(sent.body()).contains("\"html\":\"<html><h1>如意先锋战疫情</h1></html>\"").doesNotContain("\"url\"", "channel");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\u0000", " ", "key with spaces", "键"})
    void aKeyThePageCannotHaveIssuedIsReplacedByAFreshOneAndThePageIsImported(String tampered) throws Exception {
        SERVICES.json("POST", "/api/reports/import", 201, DRAFT);

        mvc.perform(post("/unit/import").with(unit()).with(csrf()).param("html", "<html><h1>如意先锋战疫情</h1></html>")
                        .param("key", tampered))
                .andExpect(redirectedUrl("/unit/drafts/drf-1"));

        assertThat(SERVICES.last("POST", "/api/reports/import").idempotencyKey())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void aUrlIsImportedByIngestFetchingIt() throws Exception {
        SERVICES.json("POST", "/api/reports/import", 201, DRAFT);

        mvc.perform(post("/unit/import").with(unit()).with(csrf()).param("url", " https://www.example.cn/news/1.html ")
                        .param("channel", "党建新闻"))
                .andExpect(redirectedUrl("/unit/drafts/drf-1"));

        assertThat(SERVICES.last("POST", "/api/reports/import").body())
                .contains("\"url\":\"https://www.example.cn/news/1.html\"", "\"channel\":\"党建新闻\"").doesNotContain("\"html\"");
    }

    @Test
    void aPageIngestCannotReadIsShownAsItsMessageBesideTheFormKeepingWhatWasPasted() throws Exception {
        SERVICES.problem("POST", "/api/reports/import", 422, "no article text found on the page");

        String page = mvc.perform(post("/unit/import").with(unit()).with(csrf()).param("html", "<p>只有导航</p>").param("key", "k-9"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("无法处理：no article text found on the page", "&lt;p&gt;只有导航&lt;/p&gt;", "value=\"k-9\"");
    }

    @Test
    void anImportWithNeitherPageNorAddressShowsTheFieldsIngestNamed() throws Exception {
        SERVICES.raw("POST", "/api/reports/import", 400, "application/problem+json",
                "{\"status\":400,\"title\":\"Invalid request\",\"errors\":[{\"field\":\"html\",\"message\":\"give exactly one of html, text or url\"}]}");

        String page = mvc.perform(post("/unit/import").with(unit()).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请求有误（html give exactly one of html, text or url）");
    }

    @Test
    void theImportFormLabelsItsFieldsCarriesAFreshKeyAndListsOpenDrafts() throws Exception {
        SERVICES.json("GET", "/api/drafts", 200, "{\"total\":1,\"drafts\":[" + DRAFT + "]}");

        String page = mvc.perform(get("/unit/import").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<label for=\"html\">网页源代码</label>", "<label for=\"url\">或网页地址</label>", "name=\"key\"",
                "name=\"_csrf\"", "href=\"/unit/drafts/drf-1\"");
        assertThat(SERVICES.last("GET", "/api/drafts").query()).contains("status=OPEN");
    }

    @Test
    void theDraftShowsEachExtractedFieldWithItsConfidenceAndTheSpanOfTheLineItCameFrom() throws Exception {
        SERVICES.json("GET", "/api/drafts/drf-1", 200, DRAFT);

        String page = mvc.perform(get("/unit/drafts/drf-1").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<th scope=\"row\">标题</th>", "90%", "第 2 行：", "<mark>如意先锋战疫情</mark><span> 党旗一线红</span>")
                .contains("<th scope=\"row\">原发布日期</th>", "<th scope=\"row\">供稿单位</th>", "<span>发布时间：</span><mark>2020-04-02</mark>")
                .contains("class=\"confidence low\">55%", "推断所得")
                .contains("导航", "第 1–1 行", "首页 &gt; 党建动态", "上一篇/下一篇", "第 10–11 行")
                .contains("正文较短，请核对是否完整")
                .contains("<label for=\"title\">标题</label>", "value=\"如意先锋战疫情\"", "value=\"张贵玲\"", "自疫情防控工作开展以来……",
                        "name=\"version\" value=\"3\"", "保存并提交");
        // beside the field, what was read for it, for a screen reader too
        assertThat(page).contains("aria-describedby=\"hint-title\"", "id=\"hint-title\"", "提取为“如意先锋战疫情”，可信度 90%，出自第 2 行")
                .contains("id=\"hint-originalPublishedAt\"", "提取为“2020-04-02”，可信度 55%，出自第 3 行")
                .doesNotContain("hint-subtitle");
    }

    @Test
    void aFixedFieldIsSavedWithTheVersionSeenAndTheDraftSubmittedInOnePress() throws Exception {
        SERVICES.json("PATCH", "/api/drafts/drf-1", 200, DRAFT)
                .json("POST", "/api/drafts/drf-1/submit", 202, "{\"draftId\":\"drf-1\",\"reportId\":\"rpt-7\",\"status\":\"SUBMITTED\",\"revision\":1}");

        mvc.perform(post("/unit/drafts/drf-1").with(unit()).with(csrf()).param("title", " 如意先锋战疫情 党旗一线红 ")
                        .param("channel", "党建新闻").param("body", "正文。\r\n第二段。").param("version", "3").param("action", "submit"))
                .andExpect(redirectedUrl("/unit/reports/rpt-7"))
                .andExpect(flash().attribute("notice", "已提交，编号 rpt-7。审核结果会在这里显示。"));

        var edit = SERVICES.last("PATCH", "/api/drafts/drf-1");
        assertThat(edit.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(edit.body()).contains("\"title\":\"如意先锋战疫情 党旗一线红\"", "\"version\":3", "\"body\":\"正文。\\n第二段。\"");
        assertThat(SERVICES.last("POST", "/api/drafts/drf-1/submit").authorization()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void savingWithoutSubmittingReturnsToTheDraft() throws Exception {
        SERVICES.json("PATCH", "/api/drafts/drf-1", 200, DRAFT);

        mvc.perform(post("/unit/drafts/drf-1").with(unit()).with(csrf()).param("title", "新标题").param("action", "save"))
                .andExpect(redirectedUrl("/unit/drafts/drf-1")).andExpect(flash().attribute("notice", "已保存。"));

        assertThat(SERVICES.received()).noneMatch(r -> r.path().endsWith("/submit"));
    }

    @Test
    void aDraftChangedMeanwhileIsAConflictShownBesideTheFormKeepingWhatWasTyped() throws Exception {
        SERVICES.problem("PATCH", "/api/drafts/drf-1", 409, "draft drf-1 is at version 4, not 3")
                .json("GET", "/api/drafts/drf-1", 200, DRAFT);

        String page = mvc.perform(post("/unit/drafts/drf-1").with(unit()).with(csrf()).param("title", "我改过的标题")
                        .param("version", "3").param("action", "submit"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("状态已变化：draft drf-1 is at version 4, not 3", "value=\"我改过的标题\"", "<mark>如意先锋战疫情</mark>");
        assertThat(SERVICES.received()).noneMatch(r -> r.path().endsWith("/submit"));
    }

    @Test
    void aSubmissionIngestRefusesIsShownBesideTheDraft() throws Exception {
        SERVICES.json("PATCH", "/api/drafts/drf-1", 200, DRAFT)
                .raw("POST", "/api/drafts/drf-1/submit", 400, "application/problem+json",
                        "{\"status\":400,\"title\":\"Invalid request\",\"errors\":[{\"field\":\"channel\",\"message\":\"must not be blank\"}]}")
                .json("GET", "/api/drafts/drf-1", 200, DRAFT);

        String page = mvc.perform(post("/unit/drafts/drf-1").with(unit()).with(csrf()).param("channel", "").param("action", "submit"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请求有误（channel must not be blank）", "核对草稿");
    }

    @Test
    void anotherUnitsDraftIsIngestsNotFoundPageNotAnErrorPage() throws Exception {
        SERVICES.problem("GET", "/api/drafts/drf-other", 404, "draft drf-other not found");

        String page = mvc.perform(get("/unit/drafts/drf-other").with(unit())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("没有找到：draft drf-other not found");
    }

    @Test
    void aSubmittedDraftIsShownReadOnlyWithItsReport() throws Exception {
        SERVICES.json("GET", "/api/drafts/drf-1", 200, DRAFT.replace("\"status\":\"OPEN\"", "\"status\":\"SUBMITTED\",\"reportId\":\"rpt-7\""));

        String page = mvc.perform(get("/unit/drafts/drf-1").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("已提交为报送 rpt-7", "readonly").doesNotContain("保存并提交");
    }

    @Test
    void everyWarningIngestWritesIsShownInChineseWithTheNamesItCarriesAndAnUnknownOneAsIngestWroteIt() throws Exception {
        // the sentences as ingest's DraftService writes them
        SERVICES.json("GET", "/api/drafts/drf-1", 200, DRAFT.replace("\"warnings\":[\"正文较短，请核对是否完整\"]", """
                "warnings":["no channel could be guessed; choose one of: 党建新闻, 医院动态",
                            "the channel 体育 is not one 南宁市中医医院党委 may submit to",
                            "the page names 广西医科大学 as its unit, not 南宁市中医医院党委",
                            "no report text was found on the page",
                            "the page is in traditional characters"]"""));

        String page = mvc.perform(get("/unit/drafts/drf-1").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<li>没有判断出栏目，请从以下栏目中选择：党建新闻、医院动态</li>",
                        "<li>栏目“体育”不在南宁市中医医院党委可以报送的栏目之内</li>",
                        "<li>网页上署名的单位是“广西医科大学”，不是南宁市中医医院党委</li>",
                        "<li>网页上没有找到正文</li>",
                        "<li>the page is in traditional characters</li>")
                .doesNotContain("could be guessed", "may submit to", "as its unit", "no report text");
    }

    @Test
    void aPageSavedAsAFileIsImportedAsItsHtmlReadInTheCharsetItDeclares() throws Exception {
        SERVICES.json("POST", "/api/reports/import", 201, DRAFT);
        byte[] gbk = "<html><head><meta charset=\"gbk\"></head><h1>如意先锋战疫情</h1></html>".getBytes(java.nio.charset.Charset.forName("GBK"));

        mvc.perform(multipart("/unit/import/file").file(new MockMultipartFile("file", "如意先锋.html", "text/html", gbk))
                        .param("key", "file-key-1").param("channel", "党建新闻").with(unit()).with(csrf()))
                .andExpect(redirectedUrl("/unit/drafts/drf-1"));

        var sent = SERVICES.last("POST", "/api/reports/import");
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.idempotencyKey()).isEqualTo("file-key-1");
        assertThat(sent.body()).contains("<h1>如意先锋战疫情</h1>", "\"channel\":\"党建新闻\"").doesNotContain("\"text\"");
    }

    @Test
    void aTextFileIsImportedAsTextInUtf8() throws Exception {
        SERVICES.json("POST", "/api/reports/import", 201, DRAFT);

        mvc.perform(multipart("/unit/import/file").file(new MockMultipartFile("file", "news.txt", "text/plain",
                        "如意先锋战疫情\n\n自疫情防控工作开展以来".getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(unit()).with(csrf()))
                .andExpect(redirectedUrl("/unit/drafts/drf-1"));

        assertThat(SERVICES.last("POST", "/api/reports/import").body()).contains("\"text\":\"如意先锋战疫情\\n\\n自疫情防控工作开展以来\"")
                .doesNotContain("\"html\"");
    }

    @Test
    void aFileThatIsNeitherPageNorTextIsRefusedBesideTheFormWithoutAskingIngest() throws Exception {
        String page = mvc.perform(multipart("/unit/import/file").file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", new byte[]{1, 2}))
                        .with(unit()).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请选择一个网页文件（.html、.htm）或文本文件（.txt）。", "上传网页文件");
        assertThat(SERVICES.received()).noneMatch(r -> r.path().equals("/api/reports/import"));
    }

    @Test
    void aFilesPageIngestCannotReadIsItsMessageBesideTheForms() throws Exception {
        SERVICES.problem("POST", "/api/reports/import", 422, "no article text found on the page");

        String page = mvc.perform(multipart("/unit/import/file").file(new MockMultipartFile("file", "nav.htm", "text/html",
                        "<nav>首页</nav>".getBytes(java.nio.charset.StandardCharsets.UTF_8))).param("key", "file-k-2").param("channel", "党建新闻")
                        .with(unit()).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("无法处理：no article text found on the page", "enctype=\"multipart/form-data\"",
                "id=\"file-channel\" name=\"channel\" maxlength=\"50\" value=\"党建新闻\"");
        // the file's form keeps its key (sending it again is the same import); the paste form has one of its own
        assertThat(page.split("value=\"file-k-2\"", -1)).hasSize(2);
    }
}
