package dev.herald.ingest.draft;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class DraftImportTest {

    static final RequestPostProcessor NANNING = TestTokens.unit("南宁市中医医院党委");
    static HttpServer site;

    @Autowired
    MockMvcTester http;

    @Autowired
    JsonMapper json;

    @BeforeAll
    static void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // an old-style Chinese site: GBK, declared only in a meta tag
        site.createContext("/gbk.html", exchange -> {
            String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"
                    + "<title>如意先锋战疫情 党旗一线红</title></head><body>" + html(page("report-nanning-tcm-hospital.txt")) + "</body></html>";
            byte[] bytes = page.getBytes(Charset.forName("GBK"));
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        site.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/gbk.html");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        site.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        site.createContext("/huge", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "<p>党建</p>".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            try (var out = exchange.getResponseBody()) {
                for (int i = 0; i < 200; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // expected: the service stops reading at its limit
            }
        });
        site.start();
    }

    @AfterAll
    static void stopSite() {
        site.stop(0);
    }

    @Test
    void aPastedTextDumpBecomesADraftWithEachFieldItsConfidenceAndWhereItCameFrom() throws Exception {
        MvcTestResult result = importPage(NANNING, Map.of("text", page("report-nanning-tcm-hospital.txt")), null);

        assertThat(result).hasStatus(201);
        String body = body(result);
        String id = JsonPath.read(body, "$.id");
        assertThat(result.getResponse().getHeader("Location")).endsWith("/api/drafts/" + id);
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("OPEN");
        assertThat((String) JsonPath.read(body, "$.origin.kind")).isEqualTo("PASTED_TEXT");
        assertThat((String) JsonPath.read(body, "$.extracted.title.value")).isEqualTo("如意先锋战疫情 党旗一线红");
        assertThat((String) JsonPath.read(body, "$.extracted.subtitle.value")).isEqualTo("南宁市中医医院党委抗击疫情纪实");
        assertThat((String) JsonPath.read(body, "$.extracted.originalDate.value")).isEqualTo("2020-04-02");
        assertThat((String) JsonPath.read(body, "$.extracted.contributor.value")).isEqualTo("张贵玲");
        assertThat((String) JsonPath.read(body, "$.extracted.contributingUnit.value")).isEqualTo("南宁市中医医院党委");
        assertThat((Double) JsonPath.read(body, "$.extracted.title.confidence")).isBetween(0.5, 1.0);
        int line = JsonPath.read(body, "$.extracted.title.span.line");
        int start = JsonPath.read(body, "$.extracted.title.span.start");
        int end = JsonPath.read(body, "$.extracted.title.span.end");
        String titleLine = JsonPath.read(body, "$.lines[" + line + "]");
        assertThat(titleLine.substring(start, end)).isEqualTo("如意先锋战疫情 党旗一线红");
        assertThat((List<String>) JsonPath.read(body, "$.removed[*].kind")).contains("navigation", "breadcrumb");
        assertThat((String) JsonPath.read(body, "$.content.channel")).isEqualTo("党旗飘扬·战疫情");
        assertThat((String) JsonPath.read(body, "$.content.body")).startsWith("自新冠肺炎疫情防控工作开展以来")
                .doesNotContain("网站首页").doesNotContain("为您推荐");
        assertThat((List<String>) JsonPath.read(body, "$.sections[*].title")).hasSize(8).contains("坚定政治立场,统一部署战疫情");
        assertThat((List<String>) JsonPath.read(body, "$.warnings")).isEmpty();
    }

    @Test
    void aDraftIsEditedSubmittedOnceAsAReportAndThenNoLongerChanges() throws Exception {
        String id = JsonPath.read(body(importPage(NANNING, Map.of("text", page("report-nanning-tcm-hospital.txt")), null)), "$.id");

        MvcTestResult edited = http.patch().uri("/api/drafts/{id}", id).with(NANNING).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"如意先锋战疫情（修订）\",\"tags\":[\"抗疫\"],\"version\":0}").exchange();
        assertThat(edited).hasStatusOk().bodyJson().extractingPath("$.content.title").isEqualTo("如意先锋战疫情（修订）");
        assertThat(http.patch().uri("/api/drafts/{id}", id).with(NANNING).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"过期的修改\",\"version\":0}")).as("an edit of a stale version").hasStatus(409);

        MvcTestResult submitted = http.post().uri("/api/drafts/{id}/submit", id).with(NANNING).exchange();
        assertThat(submitted).hasStatus(202);
        String reportId = JsonPath.read(body(submitted), "$.reportId");
        assertThat(http.get().uri("/api/reports/{id}", reportId).with(NANNING)).hasStatusOk().bodyJson()
                .extractingPath("$.title").isEqualTo("如意先锋战疫情（修订）");
        MvcTestResult again = http.post().uri("/api/drafts/{id}/submit", id).with(NANNING).exchange();
        assertThat(again).hasStatus(202).hasHeader("Idempotent-Replayed", "true");
        assertThat((String) JsonPath.read(body(again), "$.reportId")).isEqualTo(reportId);

        assertThat(http.get().uri("/api/drafts/{id}", id).with(NANNING)).bodyJson().extractingPath("$.status").isEqualTo("SUBMITTED");
        assertThat(http.patch().uri("/api/drafts/{id}", id).with(NANNING).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"提交后的修改\"}")).hasStatus(409);
        assertThat(http.delete().uri("/api/drafts/{id}", id).with(NANNING)).hasStatus(409);
    }

    @Test
    void aDraftWithoutAChannelSaysWhichToChooseAndCannotBeSubmittedUntilOneIsChosen() throws Exception {
        String page = "迎春联欢会顺利举行\n2023-03-01\n本月一日，迎春联欢会在礼堂顺利举行，参加人员共计五十人。\n大家表演了歌舞和朗诵节目。";
        String body = body(importPage(NANNING, Map.of("text", page), null));
        String id = JsonPath.read(body, "$.id");
        assertThat((String) JsonPath.read(body, "$.content.channel")).isNull();
        assertThat((List<String>) JsonPath.read(body, "$.warnings")).anyMatch(w -> w.contains("choose one of") && w.contains("党建新闻"));
        assertThat(http.post().uri("/api/drafts/{id}/submit", id).with(NANNING)).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("channel");
        assertThat(http.patch().uri("/api/drafts/{id}", id).with(NANNING).contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"工作动态\"}")).hasStatusOk();
        assertThat(http.post().uri("/api/drafts/{id}/submit", id).with(NANNING)).hasStatus(202);
    }

    @Test
    void aPageFetchedFromAUrlIsDecodedFromGbkAndFollowedThroughRedirects() throws Exception {
        MvcTestResult result = importPage(NANNING, Map.of("url", site("/moved")), null);

        assertThat(result).hasStatus(201);
        String body = body(result);
        assertThat((String) JsonPath.read(body, "$.origin.kind")).isEqualTo("URL");
        assertThat((String) JsonPath.read(body, "$.origin.url")).isEqualTo(site("/gbk.html"));
        assertThat((String) JsonPath.read(body, "$.content.sourceUrl")).isEqualTo(site("/gbk.html"));
        assertThat((String) JsonPath.read(body, "$.extracted.title.value")).isEqualTo("如意先锋战疫情 党旗一线红");
        assertThat((String) JsonPath.read(body, "$.content.body")).contains("南宁市中医医院党委");
    }

    @Test
    void aPageThatCannotBeFetchedIsAProblemSayingWhy() throws Exception {
        assertThat(importPage(NANNING, Map.of("url", site("/missing")), null)).hasStatus(422)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().extractingPath("$.detail").asString().contains("404");
        assertThat(importPage(NANNING, Map.of("url", site("/huge")), null)).hasStatus(422)
                .bodyJson().extractingPath("$.detail").asString().contains("limit");
        // loopback is allowed in tests; a private address is refused before any connection
        assertThat(importPage(NANNING, Map.of("url", "http://10.255.255.1/page.html"), null)).hasStatus(422)
                .bodyJson().extractingPath("$.detail").asString().contains("a private address");
        assertThat(importPage(NANNING, Map.of("url", "ftp://example.org/a.html"), null)).hasStatus(422);
    }

    @Test
    void exactlyOneSourceIsGivenAndOnlyARegisteredUnitImports() throws Exception {
        assertThat(importPage(NANNING, Map.of("text", "a", "html", "<p>b</p>"), null)).hasStatus(400);
        assertThat(importPage(NANNING, Map.of(), null)).hasStatus(400);
        assertThat(importPage(TestTokens.unit("未登记的单位"), Map.of("text", "正文"), null)).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("unit");
        assertThat(importPage(TestTokens.subscriber("reader-1"), Map.of("text", "正文"), null)).hasStatus(403);
    }

    @Test
    void aRetriedImportWithTheSameKeyFindsTheFirstDraftAndAnotherUnitSeesNoneOfThem() throws Exception {
        String key = UUID.randomUUID().toString();
        String first = JsonPath.read(body(importPage(NANNING, Map.of("text", page("report-guizhou-jiangjunshan-hospital.txt")), key)), "$.id");
        String again = JsonPath.read(body(importPage(NANNING, Map.of("text", page("report-guizhou-jiangjunshan-hospital.txt")), key)), "$.id");
        assertThat(again).isEqualTo(first);

        assertThat(http.get().uri("/api/drafts/{id}", first).with(TestTokens.unit("朝阳区卫生健康委"))).hasStatus(404);
        assertThat(http.get().uri("/api/drafts?status=OPEN").with(NANNING)).hasStatusOk().bodyJson()
                .extractingPath("$.drafts[*].id").asArray().contains(first);
        assertThat(http.delete().uri("/api/drafts/{id}", first).with(NANNING)).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("DISCARDED");
        assertThat(http.post().uri("/api/drafts/{id}/submit", first).with(NANNING)).hasStatus(409);
    }

    @Test
    void aPageOfSeveralStoriesIsOneReportWhoseSectionTitlesAreMarked() throws Exception {
        RequestPostProcessor chaoyang = TestTokens.unit("朝阳区卫生健康委");
        String draft = body(importPage(chaoyang, Map.of("text", page("report-chaoyang-health-system.txt")), null));
        List<String> titles = JsonPath.read(draft, "$.sections[*].title");
        assertThat(titles).hasSizeGreaterThan(1);

        MvcTestResult submitted = http.post().uri("/api/drafts/{id}/submit", (String) JsonPath.read(draft, "$.id")).with(chaoyang).exchange();
        assertThat(submitted).hasStatus(202);
        String report = body(http.get().uri("/api/reports/{id}", (String) JsonPath.read(body(submitted), "$.reportId")).with(chaoyang).exchange());
        assertThat((List<String>) JsonPath.read(report, "$.sections")).containsExactlyElementsOf(titles);
        List<String> paragraphs = List.of(((String) JsonPath.read(report, "$.body")).split("\n"));
        assertThat(paragraphs).containsAll(titles);
    }

    @Test
    void aPageNamingAnotherUnitIsDraftedWithAWarning() throws Exception {
        String body = body(importPage(TestTokens.unit("贵州省人民医院党委"), Map.of("text", page("report-nanning-tcm-hospital.txt")), null));
        assertThat((List<String>) JsonPath.read(body, "$.warnings")).anyMatch(w -> w.contains("南宁市中医医院党委"));
        assertThat((String) JsonPath.read(body, "$.unit")).isEqualTo("贵州省人民医院党委");
    }

    private MvcTestResult importPage(RequestPostProcessor caller, Map<String, String> request, String key) throws Exception {
        var call = http.post().uri("/api/reports/import").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(request));
        if (key != null) {
            call = call.header("Idempotency-Key", key);
        }
        return call.exchange();
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String site(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    static String page(String name) {
        try (InputStream in = DraftImportTest.class.getResourceAsStream("/extraction/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text dump as a page of paragraphs, as a site would serve it. */
    static String html(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        return out.toString();
    }
}
