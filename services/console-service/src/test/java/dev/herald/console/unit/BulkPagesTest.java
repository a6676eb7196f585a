package dev.herald.console.unit;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class BulkPagesTest extends PageTest {

    private static final String RUNNING = """
            {"id":"blk-1","unit":"南宁市中医医院党委","status":"RUNNING","attempt":1,"processed":120,"created":100,"duplicate":15,
             "invalid":5,"startedAt":"2026-12-03T01:00:00Z","updatedAt":"2026-12-03T01:02:00Z"}""";

    private static final String KEPT = """
            {"importId":"blk-1","page":0,"size":50,"total":2,"items":[
             {"line":3,"status":"DUPLICATE","reportId":"rpt-9","entry":"pages/p03.html"},
             {"line":7,"status":"INVALID","errors":[{"field":"title","message":"must not be blank"}]}]}""";

    private static MockMultipartFile file(String name) {
        return new MockMultipartFile("file", name, "application/octet-stream", "PK-pages".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aZipOfPagesIsSentToIngestWithTheUnitsTokenTheFormsKeyAndChannelAndTheUnitLandsOnItsProgress() throws Exception {
        SERVICES.withHeaders("POST", "/api/reports/bulk", 200, "application/x-ndjson",
                "{\"line\":1,\"status\":\"CREATED\",\"reportId\":\"rpt-1\"}\n{\"summary\":{\"id\":\"blk-1\"}}\n",
                Map.of("Location", "/api/reports/bulk/blk-1"));

        mvc.perform(multipart("/unit/bulk").file(file("pages.zip")).param("key", "bulk-key-1").param("channel", "党建新闻")
                        .with(unit()).with(csrf()))
                .andExpect(redirectedUrl("/unit/bulk/blk-1"));

        var sent = SERVICES.last("POST", "/api/reports/bulk");
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.idempotencyKey()).isEqualTo("bulk-key-1");
        assertThat(sent.contentType()).isEqualTo("application/zip");
        assertThat(sent.query()).isEqualTo("channel=党建新闻");
        assertThat(sent.body()).isEqualTo("PK-pages");
    }

    @Test
    void anNdjsonFileIsSentAsNdjsonWithoutAChannel() throws Exception {
        SERVICES.withHeaders("POST", "/api/reports/bulk", 200, "application/x-ndjson", "{\"summary\":{}}\n",
                Map.of("Location", "/api/reports/bulk/blk-2"));

        mvc.perform(multipart("/unit/bulk").file(file("reports.ndjson")).param("channel", "党建新闻").with(unit()).with(csrf()))
                .andExpect(redirectedUrl("/unit/bulk/blk-2"));

        var sent = SERVICES.last("POST", "/api/reports/bulk");
        assertThat(sent.contentType()).isEqualTo("application/x-ndjson");
        assertThat(sent.query()).isEmpty();
        assertThat(sent.idempotencyKey()).isNotBlank();
    }

    @Test
    void aFileOfAnotherKindIsRefusedBesideTheFormWithoutAskingIngest() throws Exception {
        String page = mvc.perform(multipart("/unit/bulk").file(file("reports.xlsx")).param("key", "k-3").with(unit()).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请选择一个 ZIP 压缩包（.zip）或 NDJSON 文件（.ndjson、.jsonl）。", "value=\"k-3\"");
        assertThat(SERVICES.received()).isEmpty();
    }

    @Test
    void anImportStillRunningWithTheSameKeyIsIngestsConflictShownBesideTheForm() throws Exception {
        SERVICES.problem("POST", "/api/reports/bulk", 409, "bulk import blk-1 with this Idempotency-Key is still running");

        String page = mvc.perform(multipart("/unit/bulk").file(file("pages.zip")).param("key", "bulk-key-1").with(unit()).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("状态已变化：bulk import blk-1 with this Idempotency-Key is still running", "value=\"bulk-key-1\"");
    }

    @Test
    void anAnswerWithoutTheImportsAddressSaysSoRatherThanShowingAnErrorPage() throws Exception {
        SERVICES.raw("POST", "/api/reports/bulk", 200, "application/x-ndjson", "{\"summary\":{}}\n");

        String page = mvc.perform(multipart("/unit/bulk").file(file("pages.zip")).with(unit()).with(csrf()))
                .andExpect(status().isBadGateway()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("录入服务没有告知这次导入的编号，无法显示进度。");
    }

    @Test
    void aRunningImportShowsItsCountsAsksForThemAgainAndListsTheItemsIngestKept() throws Exception {
        SERVICES.json("GET", "/api/reports/bulk/blk-1", 200, RUNNING).json("GET", "/api/reports/bulk/blk-1/items", 200, KEPT);

        String page = mvc.perform(get("/unit/bulk/blk-1").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("正在导入…", "class=\"processed\">120<", "class=\"created\">100<", "class=\"duplicate\">15<",
                        "class=\"invalid\">5<", "开始于 2026-12-03 09:00")
                .contains("hx-get=\"/unit/bulk/blk-1/progress?page=0\"", "hx-trigger=\"every 2s\"")
                .contains("pages/p03.html", "重复", "href=\"/unit/reports/rpt-9\"", "与报送 rpt-9 相同")
                .contains("第 7 行", "有误", "title must not be blank");
        assertThat(SERVICES.last("GET", "/api/reports/bulk/blk-1").authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(SERVICES.last("GET", "/api/reports/bulk/blk-1/items").query()).contains("page=0", "size=50");
    }

    @Test
    void theProgressFragmentIsTheSectionAlone() throws Exception {
        SERVICES.json("GET", "/api/reports/bulk/blk-1", 200, RUNNING).json("GET", "/api/reports/bulk/blk-1/items", 200, KEPT);

        String fragment = mvc.perform(get("/unit/bulk/blk-1/progress").with(unit()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).startsWith("<section id=\"progress\"").contains("class=\"processed\">120<").doesNotContain("<header", "<html");
    }

    @Test
    void aFinishedImportStopsAskingAndAFailedOneSaysWhy() throws Exception {
        SERVICES.json("GET", "/api/reports/bulk/blk-1", 200, RUNNING.replace("\"RUNNING\"", "\"COMPLETED\"")
                        .replace("\"updatedAt\"", "\"finishedAt\":\"2026-12-03T01:05:00Z\",\"updatedAt\""))
                .json("GET", "/api/reports/bulk/blk-1/items", 200, "{\"total\":0,\"page\":0,\"size\":50,\"items\":[]}");

        String done = mvc.perform(get("/unit/bulk/blk-1").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(done).contains("导入完成", "，结束于 2026-12-03 09:05", "没有重复或有误的条目。").doesNotContain("hx-trigger", "hx-get");

        SERVICES.json("GET", "/api/reports/bulk/blk-1", 200, RUNNING.replace("\"RUNNING\"", "\"FAILED\"")
                .replace("\"attempt\":1", "\"attempt\":2,\"failure\":\"the archive is not a ZIP\""));

        String failed = mvc.perform(get("/unit/bulk/blk-1").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(failed).contains("导入失败", "失败原因：the archive is not a ZIP", "（第 2 次尝试）");
    }

    @Test
    void anotherUnitsImportIsIngestsNotFoundPage() throws Exception {
        SERVICES.problem("GET", "/api/reports/bulk/blk-other", 404, "bulk import blk-other not found");

        String page = mvc.perform(get("/unit/bulk/blk-other").with(unit())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("没有找到：bulk import blk-other not found");
    }

    @Test
    void itemsThatCannotBeReadLeaveTheCountsShownWithWhy() throws Exception {
        SERVICES.json("GET", "/api/reports/bulk/blk-1", 200, RUNNING).problem("GET", "/api/reports/bulk/blk-1/items", 503, "busy");

        String page = mvc.perform(get("/unit/bulk/blk-1").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("class=\"processed\">120<", "录入服务出错了（503）：busy").doesNotContain("逐条结果");
    }

    @Test
    void theBulkFormIsTheUnitsOnly() throws Exception {
        mvc.perform(get("/unit/bulk").with(moderator())).andExpect(status().isForbidden());
        String form = mvc.perform(get("/unit/bulk").with(unit())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<label for=\"file\">文件</label>", "enctype=\"multipart/form-data\"", "name=\"key\"", "name=\"_csrf\"");
    }
}
