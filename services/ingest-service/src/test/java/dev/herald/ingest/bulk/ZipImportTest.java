package dev.herald.ingest.bulk;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/reports/bulk} with a ZIP of pages: each page extracted as an imported page is, one report each. */
@SpringBootTest(properties = "herald.rate-limits.enabled=false")
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class ZipImportTest {

    static final RequestPostProcessor NANNING = TestTokens.unit("南宁市中医医院党委");
    static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvcTester http;

    @Test
    void eachPageInTheArchiveBecomesOneReportNamedByItsEntryAndOtherFilesAreSkipped() throws Exception {
        byte[] zip = zip(Map.of(
                "reports/nanning.txt", page("report-nanning-tcm-hospital.txt").getBytes(StandardCharsets.UTF_8),
                "reports/guizhou-gbk.html", ("<html><head><meta charset=\"gbk\"></head><body>"
                        + paragraphs(page("report-guizhou-jiangjunshan-hospital.txt")) + "</body></html>").getBytes(Charset.forName("GBK")),
                "reports/photo.jpg", new byte[]{(byte) 0xff, (byte) 0xd8, 1, 2, 3},
                "__MACOSX/reports/._nanning.txt", new byte[]{0, 1, 2},
                "reports/party.txt", "迎春联欢会顺利举行\n2023-03-01\n本月一日，迎春联欢会在礼堂顺利举行，参加人员共计五十人。".getBytes(StandardCharsets.UTF_8)));

        List<JsonNode> lines = lines(upload(zip, null, UUID.randomUUID().toString()));

        assertThat(lines).hasSize(4);
        JsonNode nanning = byEntry(lines, "reports/nanning.txt");
        assertThat(nanning.path("status").asString()).isEqualTo("CREATED");
        assertThat(http.get().uri("/api/reports/{id}", nanning.path("reportId").asString()).with(NANNING)).hasStatusOk()
                .bodyJson().extractingPath("$.title").isEqualTo("如意先锋战疫情 党旗一线红");
        JsonNode guizhou = byEntry(lines, "reports/guizhou-gbk.html");
        assertThat(guizhou.path("status").asString()).as(guizhou.toString()).isEqualTo("CREATED");
        assertThat(http.get().uri("/api/reports/{id}", guizhou.path("reportId").asString()).with(NANNING)).hasStatusOk()
                .bodyJson().extractingPath("$.title").isEqualTo("不忘初心 让抗疫精神在新时代绽放光芒");
        JsonNode party = byEntry(lines, "reports/party.txt");
        assertThat(party.path("status").asString()).isEqualTo("INVALID");
        assertThat(party.path("errors").findValuesAsString("field")).containsExactly("channel");
        assertThat(lines.getLast().path("summary").path("created").asInt()).isEqualTo(2);
    }

    @Test
    void aChannelNamedForTheArchiveIsUsedWhereNoneCanBeGuessedAndARetryMakesNothingTwice() throws Exception {
        byte[] zip = zip(Map.of("party.txt", "迎春联欢会顺利举行\n2023-03-01\n本月一日，迎春联欢会在礼堂顺利举行，参加人员共计五十人。"
                .getBytes(StandardCharsets.UTF_8)));
        String key = UUID.randomUUID().toString();

        JsonNode first = lines(upload(zip, "工作动态", key)).getFirst();
        JsonNode retry = lines(upload(zip, "工作动态", key)).getFirst();

        assertThat(first.path("status").asString()).isEqualTo("CREATED");
        assertThat(retry.path("status").asString()).isEqualTo("DUPLICATE");
        assertThat(retry.path("reportId").asString()).isEqualTo(first.path("reportId").asString());
        assertThat(upload(zip, "不存在的栏目", UUID.randomUUID().toString())).hasStatus(400);
    }

    @Test
    void somethingThatIsNotAZipArchiveIsOneInvalidItemNotAServerError() throws Exception {
        List<JsonNode> lines = lines(upload("这不是压缩包".getBytes(StandardCharsets.UTF_8), null, UUID.randomUUID().toString()));
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst().path("status").asString()).isEqualTo("INVALID");
        assertThat(lines.getFirst().path("errors").findValuesAsString("field")).containsExactly("archive");
        assertThat(lines.getLast().path("summary").path("invalid").asInt()).isEqualTo(1);
    }

    private MvcTestResult upload(byte[] zip, String channel, String key) {
        var call = http.post().uri(channel == null ? "/api/reports/bulk" : "/api/reports/bulk?channel=" + channel)
                .with(NANNING).header("Idempotency-Key", key).contentType("application/zip").content(zip);
        return call.exchange();
    }

    private static List<JsonNode> lines(MvcTestResult result) throws Exception {
        assertThat(result).hasStatusOk();
        return Arrays.stream(result.getResponse().getContentAsString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> !l.isBlank()).map(json::readTree).toList();
    }

    private static JsonNode byEntry(List<JsonNode> lines, String entry) {
        return lines.stream().filter(l -> entry.equals(l.path("entry").asString(null))).findFirst().orElseThrow(
                () -> new AssertionError("no result for " + entry + " in " + lines));
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String page(String name) throws IOException {
        try (InputStream in = ZipImportTest.class.getResourceAsStream("/extraction/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        return out.toString();
    }
}
