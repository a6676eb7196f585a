package dev.herald.ingest.bulk;

import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import dev.herald.ingest.report.Report;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import dev.herald.ingest.registry.Registry;
import dev.herald.ingest.registry.UnitRequest;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * {@code POST /api/reports/bulk}: one report per NDJSON line, one result per line streamed back, a job
 * whose progress anyone entitled can watch, and a retry that makes nothing twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.rate-limits.enabled=false",
        "herald.ingest.bulk.max-bytes=3MB",
        "herald.ingest.bulk.max-items=10000",
        "herald.ingest.bulk.progress-every=10"})
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
@Import(BulkImportTest.PlainTokens.class)
class BulkImportTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvcTester http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Registry registry;

    @LocalServerPort
    int port;

    @Test
    void aFileOfMixedLinesIsAnsweredLineByLineInOrderThenSummed() {
        String unit = unit();
        String ndjson = String.join("\n",
                report("第一篇"),
                "{\"channel\":\"党建动态\",\"title\":",
                "{\"channel\":\"\",\"body\":\"正文\"}",
                "",
                report("第二篇"),
                report("第一篇"),
                "{\"channel\":\"党建动态\",\"title\":\"t\",\"body\":\"b\",\"tags\":\"不是列表\"}",
                "{\"channel\":\"党建动态\",\"title\":\"t\",\"body\":\"b\",\"$where\":\"1\"}",
                "{\"channel\":\"党建动态\",\"title\":\"t\",\"body\":\"b\",\"originalPublishedAt\":\"去年\"}") + "\n";

        MvcTestResult result = bulk(unit, UUID.randomUUID().toString(), ndjson);

        assertThat(result).hasStatusOk().hasContentType("application/x-ndjson");
        assertThat(result.getResponse().getHeader("Location")).startsWith("/api/reports/bulk/blk-");
        List<JsonNode> lines = lines(result);
        assertThat(lines).hasSize(9);
        assertThat(lines.subList(0, 8)).extracting(l -> l.path("line").asInt()).containsExactly(1, 2, 3, 5, 6, 7, 8, 9);
        assertThat(lines.subList(0, 8)).extracting(l -> l.path("status").asString()).containsExactly(
                "CREATED", "INVALID", "INVALID", "CREATED", "DUPLICATE", "INVALID", "INVALID", "INVALID");
        assertThat(lines.get(1).path("errors").get(0).path("field").asString()).isEqualTo("line");
        assertThat(lines.get(1).path("errors").get(0).path("message").asString()).startsWith("is not readable JSON");
        assertThat(lines.get(2).path("errors").findValuesAsString("field")).containsExactly("channel", "title");
        assertThat(lines.get(4).path("reportId").asString()).as("the duplicate names the report it repeats")
                .isEqualTo(lines.get(0).path("reportId").asString());
        assertThat(lines.get(5).path("errors").get(0).path("field").asString()).isEqualTo("tags");
        assertThat(lines.get(6).path("errors").get(0).path("field").asString()).isEqualTo("$where");
        assertThat(lines.get(7).path("errors").get(0).path("field").asString()).isEqualTo("originalPublishedAt");
        assertThat(lines.get(0).has("errors")).as("a created item carries no errors").isFalse();
        JsonNode summary = lines.get(8).path("summary");
        assertThat(summary.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(List.of(summary.path("created").asInt(), summary.path("duplicate").asInt(), summary.path("invalid").asInt()))
                .containsExactly(2, 1, 5);
        assertThat(reportsOf(unit)).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameKeyCreatesNoNewReportOrEventAndNamesTheSameReports() {
        String unit = unit();
        String key = UUID.randomUUID().toString();
        String ndjson = report("重试一") + "\n" + report("重试二") + "\n" + report("重试三") + "\n";

        List<JsonNode> first = lines(bulk(unit, key, ndjson));
        List<String> ids = first.subList(0, 3).stream().map(l -> l.path("reportId").asString()).toList();
        kafka.awaitRecords("article-submitted", seen -> keys(seen).containsAll(ids), Duration.ofSeconds(30));

        List<JsonNode> again = lines(bulk(unit, key, ndjson));

        assertThat(first.subList(0, 3)).extracting(l -> l.path("status").asString()).containsOnly("CREATED");
        assertThat(again.subList(0, 3)).extracting(l -> l.path("status").asString()).containsOnly("DUPLICATE");
        assertThat(again.subList(0, 3)).extracting(l -> l.path("reportId").asString()).containsExactlyElementsOf(ids);
        assertThat(reportsOf(unit)).isEqualTo(3);
        // a report made after the retry: once its event is out, any event the retry caused would be too
        String marker = lines(bulk(unit, UUID.randomUUID().toString(), report("标记") + "\n")).getFirst().path("reportId").asString();
        List<ConsumerRecord<String, String>> events = kafka.awaitRecords("article-submitted",
                seen -> keys(seen).contains(marker), Duration.ofSeconds(30));
        assertThat(ids).allSatisfy(id -> assertThat(keys(events).stream().filter(id::equals)).hasSize(1));
        String job = first.getLast().path("summary").path("id").asString();
        assertThat(http.get().with(TestTokens.unit(unit)).uri("/api/reports/bulk/{id}", job)).bodyJson()
                .extractingPath("$.attempt").isEqualTo(2);
    }

    @Test
    void aReportTheUnitAlreadySentIsADuplicateUnderAnyKey() {
        String unit = unit();
        String single = http.post().uri("/api/reports").with(TestTokens.unit(unit)).contentType(MediaType.APPLICATION_JSON)
                .content(report("单篇提交")).exchange().getResponse().getHeader("Location").replaceAll(".*/", "");

        List<JsonNode> lines = lines(bulk(unit, UUID.randomUUID().toString(), report("单篇提交") + "\n" + report("新的一篇") + "\n"));
        List<JsonNode> otherKey = lines(bulk(unit, UUID.randomUUID().toString(), report("新的一篇") + "\n"));

        assertThat(lines.getFirst().path("status").asString()).isEqualTo("DUPLICATE");
        assertThat(lines.getFirst().path("reportId").asString()).isEqualTo(single);
        assertThat(otherKey.getFirst().path("status").asString()).isEqualTo("DUPLICATE");
        assertThat(otherKey.getFirst().path("reportId").asString()).isEqualTo(lines.get(1).path("reportId").asString());
        assertThat(reportsOf(unit)).isEqualTo(2);
    }

    @Test
    void aLineWhoseContentChangedBetweenAttemptsIsInvalidRatherThanASecondReport() {
        String unit = unit();
        String key = UUID.randomUUID().toString();
        bulk(unit, key, report("原来的标题") + "\n");

        List<JsonNode> lines = lines(bulk(unit, key, report("改过的标题") + "\n"));

        assertThat(lines.getFirst().path("status").asString()).isEqualTo("INVALID");
        assertThat(lines.getFirst().path("errors").get(0).path("message").asString()).contains("Idempotency-Key");
        assertThat(reportsOf(unit)).isEqualTo(1);
    }

    @Test
    void withoutAnIdempotencyKeyOrAsJsonNothingIsImported() {
        String unit = unit();
        MvcTestResult noKey = http.post().uri("/api/reports/bulk").with(TestTokens.unit(unit))
                .contentType("application/x-ndjson").content(report("无键")).exchange();
        MvcTestResult asJson = http.post().uri("/api/reports/bulk").with(TestTokens.unit(unit)).header("Idempotency-Key", "k")
                .contentType(MediaType.APPLICATION_JSON).content(report("JSON")).exchange();

        assertThat(noKey).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        assertThat(asJson).hasStatus(415).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reportsOf(unit)).isZero();
        assertThat(http.post().uri("/api/reports/bulk").with(TestTokens.moderator("m")).header("Idempotency-Key", "k")
                .contentType("application/x-ndjson").content(report("非单位"))).hasStatus(403);
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeAnythingIsImported() {
        String unit = unit();
        byte[] body = (report("过大") + "\n" + " ".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);

        assertThat(http.post().uri("/api/reports/bulk").with(TestTokens.unit(unit)).header("Idempotency-Key", "big")
                .contentType("application/x-ndjson").content(body)).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reportsOf(unit)).isZero();
    }

    @Test
    void aBodyLargerThanAnyOtherRequestTheServiceTakesIsImportedUpToMaxBytes() {
        String unit = unit();
        // blank lines, a megabyte of them: twice the service's limit for every other request
        String padding = (" ".repeat(64 * 1024 - 1) + "\n").repeat(16);

        MvcTestResult result = bulk(unit, UUID.randomUUID().toString(), report("大而不超") + "\n" + padding);

        assertThat(result).hasStatusOk();
        assertThat(lines(result).getLast().path("summary").path("created").asInt()).isEqualTo(1);
        assertThat(reportsOf(unit)).isEqualTo(1);
    }

    @Test
    void aBodyThatOutgrowsTheLimitWhileStreamingEndsWithA413ProblemAndAFailedJob() throws Exception {
        String unit = asciiUnit("bulk-oversize-");
        try (ChunkedHttp upload = upload(unit, "oversize")) {
            upload.send(report("超限之前") + "\n");
            assertThat(json.readTree(upload.nextLine()).path("status").asString()).isEqualTo("CREATED");
            String blank = " ".repeat(64 * 1024) + "\n";
            for (int sent = 0; sent < 3 * 1024 * 1024 + 128 * 1024; sent += blank.length()) {
                upload.send(blank);
            }
            upload.finish();

            JsonNode problem = json.readTree(upload.nextLine()).path("problem");
            JsonNode summary = json.readTree(upload.nextLine()).path("summary");
            assertThat(problem.path("status").asInt()).isEqualTo(413);
            assertThat(problem.path("title").asString()).isEqualTo("Request too large");
            assertThat(problem.path("type").asString()).isEqualTo("https://herald.dev/problems/content-too-large");
            assertThat(summary.path("status").asString()).isEqualTo("FAILED");
            assertThat(summary.path("created").asInt()).isEqualTo(1);
            assertThat(http.get().with(TestTokens.unit(unit)).uri(upload.header("Location"))).bodyJson()
                    .extractingPath("$.failure").asString().contains("exceeds");
        }
    }

    @Test
    void progressAndKeptItemsAreVisibleToTheUnitAndModeratorsButNotToAnotherUnit() {
        String unit = unit();
        String ndjson = report("可见一") + "\n" + "不是JSON\n" + report("可见一") + "\n" + "{}\n";
        String location = bulk(unit, UUID.randomUUID().toString(), ndjson).getResponse().getHeader("Location");

        assertThat(http.get().with(TestTokens.unit(unit)).uri(location)).hasStatusOk().bodyJson()
                .satisfies(job -> {
                    assertThat(job).extractingPath("$.status").isEqualTo("COMPLETED");
                    assertThat(job).extractingPath("$.processed").isEqualTo(4);
                    assertThat(job).extractingPath("$.created").isEqualTo(1);
                    assertThat(job).extractingPath("$.duplicate").isEqualTo(1);
                    assertThat(job).extractingPath("$.invalid").isEqualTo(2);
                });
        assertThat(http.get().with(TestTokens.unit(unit)).uri(location + "/items?status=INVALID")).hasStatusOk().bodyJson()
                .satisfies(page -> {
                    assertThat(page).extractingPath("$.total").isEqualTo(2);
                    assertThat(page).extractingPath("$.items[*].line").asArray().containsExactly(2, 4);
                    assertThat(page).extractingPath("$.items[1].errors[*].field").asArray().contains("body", "channel", "title");
                });
        assertThat(http.get().with(TestTokens.unit(unit)).uri(location + "/items")).bodyJson()
                .extractingPath("$.items[*].status").asArray().containsExactly("INVALID", "DUPLICATE", "INVALID");
        assertThat(http.get().with(TestTokens.unit(unit)).uri(location + "/items?status=CREATED")).hasStatus(400);
        assertThat(http.get().with(TestTokens.unit("别的单位")).uri(location)).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.get().with(TestTokens.unit("别的单位")).uri(location + "/items")).hasStatus(404);
        assertThat(http.get().with(TestTokens.moderator("wang.fang")).uri(location)).hasStatusOk();
        assertThat(http.get().with(TestTokens.subscriber("reader-1")).uri(location)).hasStatus(403);
    }

    /**
     * Memory stays flat because nothing waits for the end of the body: each result is out before the
     * next line is read. The first results arrive while the client has not sent the rest of the file,
     * the job shows progress meanwhile, and then 10,000 lines pass through one request.
     */
    @Test
    void resultsAreStreamedWhileTheBodyIsStillBeingSentAndTenThousandLinesPassThrough() throws Exception {
        String unit = asciiUnit("bulk-stream-");
        try (ChunkedHttp upload = upload(unit, "stream")) {
            upload.send(report("流式第一篇") + "\n");

            assertThat(upload.status()).isEqualTo(200);
            assertThat(upload.header("Content-Type")).startsWith("application/x-ndjson");
            JsonNode first = json.readTree(upload.nextLine());
            assertThat(first.path("line").asInt()).isEqualTo(1);
            assertThat(first.path("status").asString()).isEqualTo("CREATED");

            for (int line = 2; line <= 20; line++) {
                upload.send(line % 2 == 0 ? report("流式第一篇") + "\n" : "{\"channel\":\"党建动态\"}\n");
            }
            for (int line = 2; line <= 20; line++) {
                assertThat(json.readTree(upload.nextLine()).path("line").asInt()).isEqualTo(line);
            }
            assertThat(http.get().with(TestTokens.unit(unit)).uri(upload.header("Location"))).bodyJson().satisfies(job -> {
                assertThat(job).extractingPath("$.status").isEqualTo("RUNNING");
                assertThat(job).extractingPath("$.processed").isEqualTo(20);
            });

            StringBuilder rest = new StringBuilder();
            for (int line = 21; line <= 10_000; line++) {
                rest.append(line % 2 == 0 ? report("流式第一篇") : "{\"channel\":\"党建动态\"}").append('\n');
                if (rest.length() > 32 * 1024 || line == 10_000) {
                    upload.send(rest.toString());
                    rest.setLength(0);
                }
            }
            upload.finish();

            int results = 20;
            String line;
            JsonNode last = null;
            while ((line = upload.nextLine()) != null) {
                last = json.readTree(line);
                if (last.has("line")) {
                    assertThat(last.path("line").asInt()).isEqualTo(++results);
                }
            }
            assertThat(results).isEqualTo(10_000);
            assertThat(last.path("summary").path("status").asString()).isEqualTo("COMPLETED");
            assertThat(last.path("summary").path("created").asInt()).isEqualTo(1);
            assertThat(last.path("summary").path("duplicate").asInt()).isEqualTo(5_000);
            assertThat(last.path("summary").path("invalid").asInt()).isEqualTo(4_999);
        }
    }

    private ChunkedHttp upload(String unit, String key) throws java.io.IOException {
        return new ChunkedHttp(port, "/api/reports/bulk", Map.of("Authorization", "Bearer unit." + unit,
                "Content-Type", "application/x-ndjson", "Idempotency-Key", key));
    }

    private MvcTestResult bulk(String unit, String key, String ndjson) {
        return http.post().uri("/api/reports/bulk").with(TestTokens.unit(unit)).header("Idempotency-Key", key)
                .contentType("application/x-ndjson").content(ndjson.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private static List<JsonNode> lines(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).lines()
                .map(json::readTree).toList();
    }

    private long reportsOf(String unit) {
        return mongo.count(query(where("unit").is(unit)), Report.class);
    }

    private static List<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    /** A unit of its own for each test, registered as an administrator would. */
    private String unit() {
        return registered("批量单位-" + UUID.randomUUID());
    }

    /** An ASCII name, for the tests that send the token in a header over a plain socket. */
    private String asciiUnit(String prefix) {
        return registered(prefix + UUID.randomUUID());
    }

    private String registered(String unit) {
        registry.putUnit(unit, new UnitRequest(List.of(), null, List.of(), false, null, null));
        return unit;
    }

    private static String report(String title) {
        return """
                {"channel":"党建动态","title":"%s","body":"医院党委组织党员开展主题党日活动。","originalPublishedAt":"2023-06-30","tags":["党建"]}"""
                .formatted(title);
    }

    /**
     * Bearer tokens {@code unit.<unit>} for the requests this test sends over a plain socket, where no
     * MockMvc post-processor can stand in for a token. Signature checking is RealTokenTest's subject.
     */
    @TestConfiguration
    static class PlainTokens {

        @Bean
        JwtDecoder plainUnitTokens() {
            return token -> {
                if (!token.startsWith("unit.")) {
                    throw new BadJwtException("not a test token");
                }
                Instant now = Instant.now();
                return Jwt.withTokenValue(token).header("alg", "none").subject(token).issuedAt(now).expiresAt(now.plusSeconds(600))
                        .claim("roles", List.of("UNIT")).claim("unit", token.substring("unit.".length())).build();
            };
        }
    }
}
