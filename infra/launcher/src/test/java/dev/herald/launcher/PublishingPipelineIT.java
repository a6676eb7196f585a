package dev.herald.launcher;

import dev.herald.auth.account.Role;
import dev.herald.infra.embedded.RawHttp;
import dev.herald.infra.embedded.WebhookReceiver;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform as a user meets it: a real Kafka broker, the MongoDB-wire store and the four
 * service jars in their own JVMs, driven only through HTTP with the three corpus reports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishingPipelineIT {

    static final List<String> TOPICS = List.of("article-submitted", "article-published", "article-rejected",
            "article-changes-requested", "article-retracted", "review-stage-entered", "unit-sign-off-changed");
    static final List<String> GROUPS = List.of("ingest-service", "moderation-service", "search-service", "notification-service");

    static Platform platform;
    static PlatformSettings settings;
    static WebhookReceiver webhook;
    static HttpJson http = new HttpJson();
    static String ingest, moderation, search, notification;
    static List<String> ids = new ArrayList<>();
    static List<HttpJson> unitClients = new ArrayList<>();
    static String reader = "reader-" + UUID.randomUUID();
    static HttpJson asReader, asHookReader, asModerator;
    static String readerSubscription, readerNotice;
    static String staged;
    static OtlpReceiver traces;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path root = Path.of(System.getProperty("herald.root", "../..")).toAbsolutePath().normalize();
        // with the web console: its browser test is the last step, on this same platform
        traces = OtlpReceiver.start();
        settings = exportingTraces(PlatformSettings.onFreePorts(root, Files.createTempDirectory("herald-e2e"), true).withConsole());
        platform = Platform.start(settings, System.out);
        webhook = WebhookReceiver.start();
        ingest = settings.baseUrl(HeraldService.INGEST);
        moderation = settings.baseUrl(HeraldService.MODERATION);
        search = settings.baseUrl(HeraldService.SEARCH);
        notification = settings.baseUrl(HeraldService.NOTIFICATION);
        asReader = http.as(LocalAccounts.token(settings, Role.SUBSCRIBER, reader));
        asHookReader = http.as(LocalAccounts.token(settings, Role.SUBSCRIBER, reader + "-hook"));
        asModerator = http.as(LocalAccounts.token(settings, Role.MODERATOR, null));
    }

    /** Every service exports its spans to the test's OTLP receiver, a moment after they end rather than 5 s. */
    static PlatformSettings exportingTraces(PlatformSettings settings) {
        for (HeraldService service : List.of(HeraldService.INGEST, HeraldService.MODERATION, HeraldService.SEARCH,
                HeraldService.NOTIFICATION)) {
            settings = settings.withProperties(service, "--management.opentelemetry.tracing.export.otlp.endpoint=" + traces.endpoint(),
                    "--management.opentelemetry.tracing.export.schedule-delay=200ms");
        }
        return settings;
    }

    @AfterAll
    static void stopPlatform() {
        if (traces != null) traces.close();
        if (webhook != null) webhook.close();
        if (platform != null) platform.close();
    }

    @Test
    @Order(1)
    void subscribersSubscribeBeforeAnythingIsPublished() {
        HttpJson.Response subscribed = asReader.post(notification + "/api/subscriptions", Map.of(
                "filter", Map.of("keywords", List.of("疫情")), "delivery", Map.of("type", "INBOX")));
        assertThat(subscribed.status()).isEqualTo(201);
        readerSubscription = subscribed.body().path("id").asString();
        assertThat(asHookReader.post(notification + "/api/subscriptions", Map.of(
                "filter", Map.of("units", List.of("贵州省人民医院党委")),
                "delivery", Map.of("type", "WEBHOOK", "url", webhook.url("/hooks")))).status()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void unitsSubmitTheCorpusReportsOnceEachEvenWhenTheyRetry() {
        for (Map<String, Object> report : CorpusReports.submissions()) {
            HttpJson asUnit = http.as(LocalAccounts.token(settings, Role.UNIT, (String) report.get("unit")));
            unitClients.add(asUnit);
            String key = UUID.randomUUID().toString();
            HttpJson.Response first = asUnit.post(ingest + "/api/reports", CorpusReports.body(report), Map.of("Idempotency-Key", key));
            assertThat(first.status()).isEqualTo(202);
            assertThat(first.header("Location")).endsWith("/api/reports/" + first.body().path("id").asString());
            HttpJson.Response retry = asUnit.post(ingest + "/api/reports", CorpusReports.body(report), Map.of("Idempotency-Key", key));
            assertThat(retry.body().path("id").asString()).isEqualTo(first.body().path("id").asString());
            ids.add(first.body().path("id").asString());
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    @Order(3)
    void malformedSubmissionsAreProblemsNamingTheField() {
        HttpJson.Response response = unitClients.getFirst().post(ingest + "/api/reports", "{\"channel\":\"党建\",\"body\":\"正文\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().path("errors").toString()).contains("title");
    }

    @Test
    @Order(4)
    void theReportsWaitInModerationsQueue() {
        for (String id : ids) {
            await(() -> asModerator.get(moderation + "/api/reviews/" + id), r -> r.status() == 200);
        }
        JsonNode queue = asModerator.get(moderation + "/api/reviews?status=PENDING&size=100").body();
        assertThat(queue.path("reviews").findValuesAsString("id")).containsAll(ids);
    }

    @Test
    @Order(5)
    void aReportSentBackForChangesReturnsAsANewRevisionOfTheSameReview() {
        String id = ids.get(2);
        assertThat(asModerator.post(moderation + "/api/reviews/" + id + "/claim", Map.of()).body().path("claim").path("moderator")
                .asString()).isNotBlank();
        assertThat(asModerator.post(moderation + "/api/reviews/" + id + "/request-changes",
                Map.of("message", "请补充供稿人信息")).status()).isEqualTo(200);
        await(() -> unitClients.get(2).get(ingest + "/api/reports/" + id),
                r -> "CHANGES_REQUESTED".equals(r.body().path("status").asString()));

        Map<String, Object> revised = new java.util.HashMap<>(CorpusReports.body(CorpusReports.submissions().get(2)));
        revised.put("contributor", "贵州省人民医院党委办公室");
        HttpJson.Response revision = unitClients.get(2).post(ingest + "/api/reports/" + id + "/revisions", revised);

        assertThat(revision.status()).isEqualTo(202);
        JsonNode review = await(() -> asModerator.get(moderation + "/api/reviews/" + id),
                r -> r.body().path("revision").asInt() == 2).body();
        assertThat(review.path("status").asString()).isEqualTo("PENDING");
        assertThat(review.path("article").path("contributor").asString()).isEqualTo("贵州省人民医院党委办公室");
        assertThat(review.path("history").get(0).path("changesRequested").asString()).isEqualTo("请补充供稿人信息");
        assertThat(review.path("audit").findValuesAsString("action")).contains("claimed", "changes-requested", "resubmitted");
    }

    @Test
    @Order(6)
    void moderatorsApproveTwoAndRejectOne() {
        assertThat(http.post(moderation + "/api/reviews/" + ids.get(0) + "/approve", Map.of()).status()).isEqualTo(401);
        assertThat(unitClients.getFirst().post(moderation + "/api/reviews/" + ids.get(0) + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(asModerator.post(moderation + "/api/reviews/" + ids.get(0) + "/approve", Map.of()).status()).isEqualTo(200);
        assertThat(asModerator.post(moderation + "/api/reviews/" + ids.get(2) + "/approve", Map.of("note", "内容属实")).status()).isEqualTo(200);
        assertThat(asModerator.post(moderation + "/api/reviews/" + ids.get(1) + "/reject",
                Map.of("reason", "请补充供稿人信息")).status()).isEqualTo(200);
        assertThat(asModerator.post(moderation + "/api/reviews/" + ids.get(1) + "/approve", Map.of()).status()).isEqualTo(409);
    }

    @Test
    @Order(7)
    void unitsSeeWhatBecameOfTheirReports() {
        await(() -> unitClients.get(0).get(ingest + "/api/reports/" + ids.get(0)), r -> "PUBLISHED".equals(r.body().path("status").asString()));
        await(() -> unitClients.get(2).get(ingest + "/api/reports/" + ids.get(2)), r -> "PUBLISHED".equals(r.body().path("status").asString()));
        JsonNode rejected = await(() -> unitClients.get(1).get(ingest + "/api/reports/" + ids.get(1)),
                r -> "REJECTED".equals(r.body().path("status").asString())).body();
        assertThat(rejected.path("rejectionReason").asString()).isEqualTo("请补充供稿人信息");
        // another unit's report is as invisible as a missing one
        assertThat(unitClients.get(0).get(ingest + "/api/reports/" + ids.get(1)).status()).isEqualTo(404);
    }

    @Test
    @Order(8)
    void readersFindThePublishedReportsByChineseWordsAndNotTheRejectedOne() {
        JsonNode tcm = await(() -> http.get(search + "/api/search?q=" + HttpJson.encode("中医医院")),
                r -> r.body().path("total").asInt() > 0).body();
        assertThat(tcm.path("hits").findValuesAsString("id")).contains(ids.get(0));
        JsonNode jiangjunshan = await(() -> http.get(search + "/api/search?q=" + HttpJson.encode("将军山")),
                r -> r.body().path("total").asInt() > 0).body();
        assertThat(jiangjunshan.path("hits").findValuesAsString("id")).containsExactly(ids.get(2));
        assertThat(jiangjunshan.path("hits").get(0).path("snippet").asString()).contains("<em>");
        assertThat(http.get(search + "/api/search?q=" + HttpJson.encode("垂杨柳")).body().path("total").asInt()).isZero();
        assertThat(http.get(search + "/api/articles/" + ids.get(1)).status()).isEqualTo(404);
        assertThat(http.get(search + "/api/articles/" + ids.get(2)).body().path("title").asString())
                .isEqualTo("不忘初心 让抗疫精神在新时代绽放光芒");
    }

    @Test
    @Order(9)
    void subscribersAreNotifiedInTheirInboxAndAtTheirWebhook() {
        JsonNode inbox = await(() -> asReader.get(notification + "/api/subscribers/" + reader + "/notifications"),
                r -> r.body().path("total").asInt() >= 2).body();
        assertThat(inbox.path("notifications").findValuesAsString("articleId")).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        readerNotice = inbox.path("notifications").get(0).path("id").asString();
        await(() -> null, r -> !webhook.calls().isEmpty());
        assertThat(webhook.calls()).singleElement().satisfies(call -> {
            assertThat(call.body()).contains(ids.get(2));
            assertThat(call.webhookId()).isNotBlank();
        });
    }

    @Test
    @Order(10)
    void aRetractedArticleDisappearsFromSearchAndItsUnitSeesWhy() {
        String id = ids.get(2);
        assertThat(asModerator.post(moderation + "/api/reviews/" + id + "/retract", Map.of("reason", "活动日期有误,核实后重新发布"))
                .status()).isEqualTo(200);

        await(() -> http.get(search + "/api/search?q=" + HttpJson.encode("将军山")), r -> r.body().path("total").asInt() == 0);
        assertThat(http.get(search + "/api/articles/" + id).status()).isEqualTo(404);
        JsonNode report = await(() -> unitClients.get(2).get(ingest + "/api/reports/" + id),
                r -> "RETRACTED".equals(r.body().path("status").asString())).body();
        assertThat(report.path("retractionReason").asString()).isEqualTo("活动日期有误,核实后重新发布");
    }

    @Test
    @Order(11)
    void everyEventRedeliveredToEveryConsumerChangesNothing() throws Exception {
        Map<String, String> before = observableState();

        int replayed = replayAllEvents();
        awaitConsumersCaughtUp();

        assertThat(replayed).isGreaterThanOrEqualTo(6);
        assertThat(observableState()).isEqualTo(before);
        assertThat(webhook.calls()).hasSize(1);
    }

    @Test
    @Order(12)
    void theLocalIssuerHandsOutTokensNamingRoleAndUnit() {
        String token = LocalAccounts.token(settings, Role.UNIT, "贵州省人民医院党委");

        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(claims).contains("\"roles\":[\"UNIT\"]", "\"unit\":\"贵州省人民医院党委\"");
        assertThat(LocalAccounts.token(settings, Role.MODERATOR, null)).isNotBlank();
        assertThat(http.as(token + "x").get(ingest + "/api/reports/" + ids.getFirst()).status()).isEqualTo(401);
    }

    @Test
    @Order(13)
    void everyEndpointAnswersEachKindOfCallerExactlyAsTheAccessMatrixSays() throws Exception {
        String disposable = asReader.post(notification + "/api/subscriptions", Map.of(
                "filter", Map.of("keywords", List.of("一次性")), "delivery", Map.of("type", "INBOX"))).body().path("id").asString();
        HttpJson.Response drafted = unitClients.getFirst().post(ingest + "/api/reports/import", Map.of(
                "text", "权限矩阵的草稿\n2023-06-30\n矩阵测试的正文，检查草稿只属于它的单位。", "channel", "党建新闻"));
        assertThat(drafted.status()).isEqualTo(201);
        var resources = new AccessMatrix.Resources(ids.getFirst(), readerSubscription, disposable, reader, readerNotice,
                drafted.body().path("id").asString());
        Map<AccessMatrix.Caller, HttpJson> callers = new java.util.EnumMap<>(AccessMatrix.Caller.class);
        callers.put(AccessMatrix.Caller.NO_TOKEN, http);
        var trusted = com.nimbusds.jose.jwk.RSAKey.parse(Files.readString(settings.issuerKeyFile()));
        String issuer = settings.baseUrl(HeraldService.AUTH);
        callers.put(AccessMatrix.Caller.FORGED_TOKEN, http.as(moderatorToken(newKey(), issuer, 600)));
        callers.put(AccessMatrix.Caller.EXPIRED_TOKEN, http.as(moderatorToken(trusted, issuer, -300)));
        callers.put(AccessMatrix.Caller.OTHER_ISSUER_TOKEN, http.as(moderatorToken(trusted, "http://127.0.0.1:1/elsewhere", 600)));
        callers.put(AccessMatrix.Caller.UNIT_A, unitClients.getFirst());
        callers.put(AccessMatrix.Caller.UNIT_B, unitClients.get(1));
        callers.put(AccessMatrix.Caller.MODERATOR, asModerator);
        callers.put(AccessMatrix.Caller.ADMIN, http.as(LocalAccounts.token(settings, Role.ADMIN, null)));
        callers.put(AccessMatrix.Caller.LEADER, http.as(LocalAccounts.token(settings, Role.LEADER, null)));
        callers.put(AccessMatrix.Caller.UNIT_REVIEWER_A, http.as(LocalAccounts.token(settings, Role.UNIT_REVIEWER,
                (String) CorpusReports.submissions().getFirst().get("unit"))));
        callers.put(AccessMatrix.Caller.SUBSCRIBER_A, asReader);
        callers.put(AccessMatrix.Caller.SUBSCRIBER_B, asHookReader);
        List<AccessMatrix.Row> rows = AccessMatrix.rows(resources);

        List<String> wrong = new ArrayList<>();
        for (AccessMatrix.Row row : rows) {
            for (AccessMatrix.Caller caller : AccessMatrix.Caller.values()) {
                HttpJson.Response response = callers.get(caller).request(row.method(), settings.baseUrl(row.service()) + row.path(), row.body());
                if (response.status() != row.expected().get(caller)) {
                    wrong.add(row.method() + " " + row.pattern() + " as " + caller + ": " + response.status()
                            + " instead of " + row.expected().get(caller));
                }
            }
        }

        assertThat(wrong).isEmpty();
        // every endpoint a service maps has a row, and every row is an endpoint that exists
        assertThat(mappedEndpoints(callers.get(AccessMatrix.Caller.ADMIN))).as("the services' /api endpoints")
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(row -> row.service() + " " + row.method() + " " + row.pattern()).toList());
    }

    /**
     * What a fuzzer sends to every endpoint of every service, as an admin so that no access rule stops it
     * first: a query string nobody can decode, path parameters, NUL, an encoded slash or traversal. Each is
     * the client's mistake, so a 4xx problem+json, and no service logs an unexpected failure for it.
     */
    @Test
    @Order(15)
    void everyEndpointAnswersMalformedRequestsWithAProblemAndLogsNothingUnexpected() throws Exception {
        String admin = LocalAccounts.token(settings, Role.ADMIN, null);
        var resources = new AccessMatrix.Resources(ids.getFirst(), readerSubscription, readerSubscription, reader, readerNotice, "draft-x");
        List<String> wrong = new ArrayList<>();
        for (AccessMatrix.Row row : AccessMatrix.rows(resources)) {
            String path = row.path().contains("?") ? row.path().substring(0, row.path().indexOf('?')) : row.path();
            for (String target : List.of(path + "?after=%FF%FF", path + "?q=%E5%85", path + ";x=1", path + "/%00",
                    path + "/a%2Fb", path + "/..%2F..%2Fetc%2Fpasswd")) {
                RawHttp.Answer answer = RawHttp.send(settings.baseUrl(row.service()), row.method() + " " + target + " HTTP/1.0\r\n"
                        + "Host: localhost\r\nAuthorization: Bearer " + admin + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 2\r\n\r\n{}");
                if (answer.status() < 400 || answer.status() > 499 || !answer.contentType().startsWith("application/problem+json")) {
                    wrong.add(row.service() + " " + row.method() + " " + target + ": " + answer.status() + " " + answer.contentType());
                }
            }
        }

        assertThat(wrong).isEmpty();
        for (HeraldService service : HeraldService.values()) {
            Path log = settings.dataDir().resolve("logs").resolve(service.artifact() + ".log");
            if (Files.exists(log)) {
                assertThat(Files.readString(log)).as(log.toString()).doesNotContain("Unexpected failure");
            }
        }
    }

    @Test
    @Order(14)
    void aUnitPointsAtThePageOnItsOwnSiteAndTheReportItMakesIsPublishedAndFound() throws Exception {
        String page;
        try (var in = PublishingPipelineIT.class.getResourceAsStream("/corpus/report-chaoyang-health-system.txt")) {
            page = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"gbk\"><title>朝阳区卫生健康委</title></head><body>");
        for (String line : page.split("\n")) {
            html.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>");
        }
        byte[] gbk = html.append("</body></html>").toString().getBytes(java.nio.charset.Charset.forName("GBK"));
        var site = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/news/1.html", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, gbk.length);
            exchange.getResponseBody().write(gbk);
            exchange.close();
        });
        site.start();
        try {
            HttpJson asChaoyang = unitClients.get(1);
            HttpJson.Response drafted = asChaoyang.post(ingest + "/api/reports/import",
                    Map.of("url", "http://127.0.0.1:" + site.getAddress().getPort() + "/news/1.html"));
            assertThat(drafted.status()).as(String.valueOf(drafted.body())).isEqualTo(201);
            assertThat(drafted.body().path("extracted").path("title").path("value").asString()).isNotBlank();
            assertThat(drafted.body().path("sections").size()).isGreaterThan(1);
            String draft = drafted.body().path("id").asString();

            HttpJson.Response submitted = asChaoyang.post(ingest + "/api/drafts/" + draft + "/submit", Map.of());
            assertThat(submitted.status()).isEqualTo(202);
            String report = submitted.body().path("reportId").asString();
            await(() -> asModerator.get(moderation + "/api/reviews/" + report), r -> r.status() == 200);
            assertThat(asModerator.post(moderation + "/api/reviews/" + report + "/approve", Map.of()).status()).isEqualTo(200);

            JsonNode found = await(() -> http.get(search + "/api/search?q=" + HttpJson.encode("垂杨柳")),
                    r -> r.body().path("total").asInt() > 0).body();
            assertThat(found.path("hits").findValuesAsString("id")).containsExactly(report);
        } finally {
            site.stop(0);
        }
    }

    private static final java.util.Set<String> TAKE_IDEMPOTENCY_KEYS = java.util.Set.of("/api/reports", "/api/reports/{id}/revisions",
            "/api/reports/{id}/corrections", "/api/reports/import", "/api/reports/bulk");

    /**
     * Headers a fuzzer sends that the services read late: an Accept header nobody can read, to every endpoint that
     * reads (a GET), and an Idempotency-Key holding bytes no header may hold, to every endpoint that takes one, each as
     * a caller the endpoint lets through. Each is a 4xx problem+json, never an empty answer or a 500, and changes nothing.
     */
    @Test
    @Order(16)
    void headersNobodyCanReadAreProblemsAtEveryEndpointThatReadsThem() throws Exception {
        Map<String, String> before = storedState();
        List<String> wrong = new ArrayList<>();
        for (AccessMatrix.Row row : AccessMatrix.rows(securityResources())) {
            String token = tokenOf(allowedCaller(row));
            String head = row.method() + " " + row.path() + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n";
            Map<String, byte[]> requests = new java.util.LinkedHashMap<>();
            if (row.method().equals("GET")) {
                requests.put("an unreadable Accept header", (head + "Accept: */*; q=abc\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            if (row.method().equals("POST") && TAKE_IDEMPOTENCY_KEYS.contains(row.pattern())) {
                byte[] body = (row.body() == null ? "{}" : row.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] start = (head + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nIdempotency-Key: ")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] key = "ключ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
                request.write(start);
                request.write(key);
                request.write("\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                request.write(body);
                requests.put("a non-ASCII Idempotency-Key", request.toByteArray());
            }
            for (var request : requests.entrySet()) {
                RawHttp.Answer answer = RawHttp.send(settings.baseUrl(row.service()), request.getValue());
                if (!isProblem(answer)) {
                    wrong.add(row.method() + " " + row.pattern() + " with " + request.getKey() + ": " + answer.status() + " " + answer.contentType());
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(storedState()).isEqualTo(before);
    }

    /**
     * Bodies built to exhaust a parser or a heap, to every JSON write endpoint, as a caller the endpoint's
     * access rule lets through (so the body is what is judged): nesting three thousand levels deep, and a
     * body over the service's size limit. Each is a 4xx problem+json and nothing anyone can see changes.
     */
    @Test
    @Order(16)
    void everyJsonWriteEndpointRefusesDeeplyNestedAndOversizedBodiesAndStoresNothing() throws Exception {
        Map<String, String> before = storedState();
        String deep = "{\"nested\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}";
        List<String> wrong = new ArrayList<>();
        for (AccessMatrix.Row row : AccessMatrix.rows(securityResources())) {
            if (row.body() == null || row.method().equals("GET") || row.method().equals("DELETE")) {
                continue;
            }
            String token = tokenOf(allowedCaller(row));
            String path = withoutQuery(row.path());
            byte[] oversized = ("{\"text\":\"" + "a".repeat((int) bodyLimit(row.service(), path) + 16_384) + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (byte[] body : List.of(deep.getBytes(java.nio.charset.StandardCharsets.US_ASCII), oversized)) {
                byte[] head = (row.method() + " " + path + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
                System.arraycopy(body, 0, request, head.length, body.length);
                RawHttp.Answer answer = RawHttp.send(settings.baseUrl(row.service()), request);
                if (!isProblem(answer)) {
                    wrong.add(row.method() + " " + row.pattern() + " with " + (body == oversized ? "an oversized" : "a deep")
                            + " body: " + answer.status() + " " + answer.contentType());
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(storedState()).isEqualTo(before);
    }

    /**
     * Path traversal in every path variable of every endpoint, raw and encoded: the request firewall or the
     * container refuses each (a path that is not normalized is not routed anywhere), as a problem, and
     * nothing changes.
     */
    @Test
    @Order(17)
    void aTraversalInEveryPathVariableIsAProblemAndChangesNothing() throws Exception {
        Map<String, String> before = storedState();
        List<String> wrong = new ArrayList<>();
        for (AccessMatrix.Row row : AccessMatrix.rows(securityResources())) {
            String[] pattern = row.pattern().split("/");
            String[] path = withoutQuery(row.path()).split("/");
            for (int i = 0; i < pattern.length; i++) {
                if (!pattern[i].startsWith("{")) {
                    continue;
                }
                for (String traversal : List.of("..", "%2E%2E", "..%2F..%2Fadmin", "..%5C..%5Cwindows", "%252E%252E%252F",
                        "..;", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", ".%00.")) {
                    String[] attempt = path.clone();
                    attempt[i] = traversal;
                    String target = String.join("/", attempt);
                    RawHttp.Answer answer = RawHttp.send(settings.baseUrl(row.service()), row.method() + " " + target
                            + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer " + tokenOf(allowedCaller(row))
                            + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
                    if (!isProblem(answer)) {
                        wrong.add(row.service() + " " + row.method() + " " + target + ": " + answer.status() + " " + answer.contentType());
                    }
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(storedState()).isEqualTo(before);
    }

    /**
     * Header injection, both ways: a request header carrying a bare CR or a NUL (request splitting, as a
     * proxy in front might read it otherwise) is refused at every endpoint; and CR/LF smuggled, encoded,
     * into every path variable never comes back as a header line of its own.
     */
    @Test
    @Order(18)
    void headerInjectionIsRefusedAndNothingSmuggledComesBackAsAHeader() throws Exception {
        Map<String, String> before = storedState();
        List<String> wrong = new ArrayList<>();
        for (AccessMatrix.Row row : AccessMatrix.rows(securityResources())) {
            String token = tokenOf(allowedCaller(row));
            String path = withoutQuery(row.path());
            for (String header : List.of("X-Note: a\rX-Injected: 1", "Idempotency-Key: k\u0000X-Injected: 1",
                    "X-Note: a\nX-Injected 1")) {
                RawHttp.Answer answer = RawHttp.send(settings.baseUrl(row.service()), row.method() + " " + path
                        + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n" + header
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
                if (!isProblem(answer)) {
                    wrong.add(row.service() + " " + row.method() + " " + path + " with " + header.replace("\r", "\\r")
                            .replace("\n", "\\n").replace("\u0000", "\\0") + ": " + answer.status() + " " + answer.contentType());
                }
            }
            String[] pattern = row.pattern().split("/");
            String[] segments = path.split("/");
            for (int i = 0; i < pattern.length; i++) {
                if (pattern[i].startsWith("{")) {
                    String[] attempt = segments.clone();
                    attempt[i] = "x%0D%0AX-Injected:%201";
                    HttpJson.Response response = http.as(token).request(row.method(),
                            settings.baseUrl(row.service()) + String.join("/", attempt), row.body());
                    if (response.header("X-Injected") != null || response.status() < 400 || response.status() > 499) {
                        wrong.add(row.service() + " " + row.method() + " " + String.join("/", attempt) + ": " + response.status()
                                + " " + response.headers().keySet());
                    }
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(storedState()).isEqualTo(before);
    }

    /**
     * Server-side request forgery through every URL a caller can give, a page to import, a feed, a
     * webhook (new, or a subscription changed to one): loopback is open on this local platform (its test
     * receivers live there), so the attempts are the addresses that never are: cloud metadata, private and
     * shared networks, IPv6 unique-local, metadata written as IPv4-mapped IPv6 or as one decimal number,
     * "this host", credentials in the URL, other schemes, and for an import, a loopback page that redirects
     * to the metadata address. Each is a problem and nothing is stored.
     */
    @Test
    @Order(19)
    void noUrlACallerGivesReachesMetadataOrPrivateAddressesAndNothingIsStored() throws Exception {
        var redirector = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        redirector.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/iam/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        redirector.start();
        Map<String, String> before = storedState();
        List<String> hostile = List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1/",
                "http://172.16.0.1/", "http://100.64.0.1/", "http://[fd00::1]/", "http://[::ffff:169.254.169.254]/",
                "http://0.0.0.0/", "http://2852039166/", "http://user:secret@example.org/", "file:///etc/passwd",
                "gopher://127.0.0.1:6379/_INFO");
        List<String> wrong = new ArrayList<>();
        try {
            HttpJson asUnitA = http.as(tokenOf(AccessMatrix.Caller.UNIT_A));
            HttpJson asUnitC = unitClients.get(2);
            List<String> imports = new ArrayList<>(hostile);
            imports.add("http://127.0.0.1:" + redirector.getAddress().getPort() + "/moved");
            for (String url : imports) {
                expectProblem(wrong, "import " + url, asUnitA.post(ingest + "/api/reports/import", Map.of("url", url)));
            }
            // a unit may register five feeds at once: the five that matter most here (FeedTest tries the rest)
            for (String url : hostile.subList(0, 5)) {
                expectProblem(wrong, "feed " + url, asUnitC.post(ingest + "/api/feeds", Map.of("url", url)));
            }
            for (String url : hostile) {
                Map<String, Object> webhook = Map.of("filter", Map.of("keywords", List.of("伪造")),
                        "delivery", Map.of("type", "WEBHOOK", "url", url));
                expectProblem(wrong, "webhook " + url, asReader.post(notification + "/api/subscriptions", webhook));
                expectProblem(wrong, "webhook change " + url, asReader.request("PUT",
                        notification + "/api/subscriptions/" + readerSubscription, tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(webhook)));
            }
        } finally {
            redirector.stop(0);
        }

        assertThat(wrong).isEmpty();
        assertThat(storedState()).isEqualTo(before);
    }

    /**
     * The 三审 of a unit's reports in its channel, as an administrator sets it up: 初审 and 保密审查 by moderators,
     * 终审 by a leader, and 主要领导签发 by another leader for important reports. Unit A marks its report important.
     */
    @Test
    @Order(20)
    void anAdministratorsThreeStageWorkflowTakesInTheUnitsImportantReport() {
        HttpJson asAdmin = http.as(tokenOf(AccessMatrix.Caller.ADMIN));
        String unit = (String) CorpusReports.submissions().getFirst().get("unit");
        HttpJson.Response created = asAdmin.request("PUT", moderation + "/api/workflows/" + HttpJson.encode("端到端三审"), json(Map.of(
                "channel", "党建新闻", "unit", unit,
                "stages", List.of(Map.of("name", "初审", "role", "MODERATOR"),
                        Map.of("name", "保密审查", "role", "MODERATOR", "confidentiality", true),
                        Map.of("name", "终审", "role", "LEADER")),
                "escalation", Map.of("name", "主要领导签发", "role", "LEADER"))));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);

        Map<String, Object> report = Map.of("channel", "党建新闻", "title", "医院党委召开三审制度落实推进会", "important", true,
                "body", "医院党委召开信息发布三审制度落实推进会，传达上级关于新闻宣传工作的要求。会议指出，各支部报送的稿件须经初审、"
                        + "保密审查和终审后方可发布，重要稿件由主要领导签发。会议还对下一阶段的宣传报道工作作了部署。");
        HttpJson.Response submitted = unitClients.getFirst().post(ingest + "/api/reports", report);
        assertThat(submitted.status()).isEqualTo(202);
        staged = submitted.body().path("id").asString();

        JsonNode review = await(() -> asModerator.get(moderation + "/api/reviews/" + staged), r -> r.status() == 200).body();
        assertThat(review.path("workflow").asString()).isEqualTo("端到端三审");
        assertThat(review.path("important").asBoolean()).isTrue();
        assertThat(review.path("stage").path("name").asString()).isEqualTo("初审");
        assertThat(review.path("stages").findValuesAsString("name")).containsExactly("初审", "保密审查", "终审", "主要领导签发");
        assertThat(asModerator.get(moderation + "/api/reviews?stage=" + HttpJson.encode("初审") + "&decidable=true&size=100").body()
                .path("reviews").findValuesAsString("id")).contains(staged);
    }

    /**
     * Each stage in turn: the moderator of 初审 may not decide 保密审查 too (four eyes, a 409 problem that says
     * why); the second moderator sends the report back to 初审, which approves it again; a leader signs off
     * 终审 and may not also give the 主要领导签发.
     */
    @Test
    @Order(21)
    void theStagesDecideInTurnWithASendBackAndFourEyesRefusals() throws Exception {
        HttpJson asModerator2 = http.as(signedToken("moderator-e2e-2", "MODERATOR"));
        HttpJson asLeader = http.as(LocalAccounts.token(settings, Role.LEADER, null));
        String review = moderation + "/api/reviews/" + staged;

        assertThat(asLeader.post(review + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(stageAfter(asModerator.post(review + "/approve", Map.of("note", "事实核实")))).isEqualTo("保密审查");
        HttpJson.Response twice = asModerator.post(review + "/approve", Map.of("confidentialityChecked", true));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.header("Content-Type")).startsWith("application/problem+json");
        assertThat(twice.body().path("type").asString()).isEqualTo("https://herald.dev/problems/four-eyes");
        assertThat(twice.body().path("detail").asString()).contains("初审", "保密审查");

        assertThat(stageAfter(asModerator2.post(review + "/send-back", Map.of("stage", "初审", "message", "请核实会议名称")))).isEqualTo("初审");
        assertThat(stageAfter(asModerator.post(review + "/approve", Map.of("note", "会议名称已核实")))).isEqualTo("保密审查");
        assertThat(stageAfter(asModerator2.post(review + "/approve", Map.of("confidentialityChecked", true)))).isEqualTo("终审");
        JsonNode desk = await(() -> asLeader.get(notification + "/api/desks/LEADER/notifications?size=100"),
                r -> r.body().path("notifications").findValuesAsString("articleId").contains(staged)).body();
        assertThat(desk.path("notifications").findValuesAsString("message")).as("the leaders' desk is told").contains("待终审:稿件已进入终审(第3审)");
        assertThat(stageAfter(asLeader.post(review + "/approve", Map.of("note", "同意")))).isEqualTo("主要领导签发");
        HttpJson.Response leaderTwice = asLeader.post(review + "/approve", Map.of());
        assertThat(leaderTwice.status()).isEqualTo(409);
        assertThat(leaderTwice.body().path("type").asString()).isEqualTo("https://herald.dev/problems/four-eyes");
        assertThat(asModerator.get(review).body().path("audit").findValuesAsString("action"))
                .contains("marked-important", "stage-approved", "sent-back");
    }

    /**
     * The second leader signs it off for publication a few seconds ahead (定时发布): search does not have it
     * right after the sign-off, and has it, from that time on, with the sign-off chain readers see.
     */
    @Test
    @Order(22)
    void theLastSignOffSchedulesThePublicationAndTheArticleAppearsAtItsTimeWithItsSignOffChain() throws Exception {
        HttpJson asLeader2 = http.as(signedToken("leader-e2e-2", "LEADER"));
        java.time.OffsetDateTime publishAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusSeconds(6).withNano(0);

        HttpJson.Response signed = asLeader2.post(moderation + "/api/reviews/" + staged + "/approve",
                Map.of("note", "同意发布", "publishAt", publishAt.toString()));
        assertThat(http.get(search + "/api/articles/" + staged).status()).as("right after the sign-off").isEqualTo(404);

        assertThat(signed.status()).as(String.valueOf(signed.body())).isEqualTo(200);
        assertThat(signed.body().path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(java.time.Instant.parse(signed.body().path("publishAt").asString())).isEqualTo(publishAt.toInstant());
        assertThat(asModerator.get(moderation + "/api/reviews?status=SCHEDULED&size=100").body().path("reviews")
                .findValuesAsString("id")).contains(staged);
        JsonNode article = await(() -> http.get(search + "/api/articles/" + staged), r -> r.status() == 200).body();
        assertThat(java.time.Instant.now()).isAfterOrEqualTo(publishAt.toInstant());
        assertThat(java.time.Instant.parse(article.path("publishedAt").asString())).isAfterOrEqualTo(publishAt.toInstant());
        assertThat(article.path("signOffs").findValuesAsString("stage")).containsExactly("初审", "保密审查", "终审", "主要领导签发");
        assertThat(article.path("signOffs").findValuesAsString("by")).containsExactly("moderator", "moderator-e2e-2",
                new dev.herald.auth.account.Accounts(settings.accountsFile()).forRole(Role.LEADER, null).clientId(), "leader-e2e-2");
        assertThat(article.path("signOffs").get(1).path("confidentialityReview").asBoolean()).isTrue();
        assertThat(article.path("signOffs").get(3).path("role").asString()).isEqualTo("LEADER");
        assertThat(asModerator.get(moderation + "/api/reviews/" + staged).body().path("status").asString()).isEqualTo("APPROVED");
    }

    /**
     * The unit corrects (更正) the published report: the correction goes through every stage again, four eyes and
     * the escalation included, while readers still find the published one; its last sign-off publishes the next
     * version, with the unit's note under the article.
     */
    @Test
    @Order(24)
    void aCorrectionOfThePublishedReportGoesThroughTheStagesAgainAndReadersSeeItUnderTheArticle() throws Exception {
        HttpJson asModerator2 = http.as(signedToken("moderator-e2e-2", "MODERATOR"));
        HttpJson asLeader = http.as(LocalAccounts.token(settings, Role.LEADER, null));
        HttpJson asLeader2 = http.as(signedToken("leader-e2e-2", "LEADER"));
        String note = "更正：会议名称应为信息发布三审制度落实推进会";
        await(() -> unitClients.getFirst().get(ingest + "/api/reports/" + staged), r -> "PUBLISHED".equals(r.body().path("status").asString()));

        HttpJson.Response accepted = unitClients.getFirst().post(ingest + "/api/reports/" + staged + "/corrections", Map.of("note", note,
                "report", Map.of("channel", "党建新闻", "title", "医院党委召开信息发布三审制度落实推进会",
                        "body", "医院党委召开信息发布三审制度落实推进会，传达上级关于新闻宣传工作的要求。会议指出，各支部报送的稿件须经初审、"
                                + "保密审查和终审后方可发布，重要稿件由主要领导签发。会议还对下一阶段的宣传报道工作作了部署。")));
        assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(202);
        assertThat(accepted.body().path("revision").asInt()).isEqualTo(2);

        String review = moderation + "/api/reviews/" + staged;
        JsonNode correcting = await(() -> asModerator.get(review), r -> r.body().path("revision").asInt() == 2).body();
        assertThat(correcting.path("correction").asString()).isEqualTo(note);
        assertThat(correcting.path("stage").path("name").asString()).isEqualTo("初审");
        assertThat(http.get(search + "/api/articles/" + staged).body().path("title").asString())
                .as("the published article, while its correction is reviewed").isEqualTo("医院党委召开三审制度落实推进会");

        assertThat(stageAfter(asModerator.post(review + "/approve", Map.of()))).isEqualTo("保密审查");
        assertThat(stageAfter(asModerator2.post(review + "/approve", Map.of("confidentialityChecked", true)))).isEqualTo("终审");
        assertThat(stageAfter(asLeader.post(review + "/approve", Map.of()))).isEqualTo("主要领导签发");
        HttpJson.Response signed = asLeader2.post(review + "/approve", Map.of("note", "同意更正"));
        assertThat(signed.status()).as(String.valueOf(signed.body())).isEqualTo(200);
        assertThat(signed.body().path("status").asString()).isEqualTo("APPROVED");

        JsonNode article = await(() -> http.get(search + "/api/articles/" + staged), r -> r.body().path("version").asInt() == 2).body();
        assertThat(article.path("title").asString()).isEqualTo("医院党委召开信息发布三审制度落实推进会");
        assertThat(article.path("corrections").findValuesAsString("note")).containsExactly(note);
        assertThat(article.path("signOffs").findValuesAsString("stage")).containsExactly("初审", "保密审查", "终审", "主要领导签发");
        await(() -> unitClients.getFirst().get(ingest + "/api/reports/" + staged),
                r -> "PUBLISHED".equals(r.body().path("status").asString()) && r.body().path("correction").isNull());
    }

    /**
     * A unit registered to sign off its own reports (16.5): its report waits in ingest, unseen by moderation,
     * until the unit's UNIT_REVIEWER, with a token of the local issuer naming the unit, approves it.
     */
    @Test
    @Order(23)
    void aUnitsOwnReviewerSignsOffItsReportBeforeModerationSeesIt() {
        HttpJson asAdmin = http.as(tokenOf(AccessMatrix.Caller.ADMIN));
        String unit = "端到端自审单位";
        assertThat(asAdmin.request("PUT", ingest + "/api/units/" + HttpJson.encode(unit), json(Map.of("unitSignOff", true))).status())
                .isEqualTo(201);
        HttpJson asUnit = http.as(LocalAccounts.token(settings, Role.UNIT, unit));
        HttpJson asReviewer = http.as(LocalAccounts.token(settings, Role.UNIT_REVIEWER, unit));

        HttpJson.Response submitted = asUnit.post(ingest + "/api/reports", Map.of("channel", "党建动态", "title", "本单位签发后报送的稿件",
                "body", "单位党支部开展主题党日活动，组织党员重温入党誓词，并就稿件报送流程进行了学习。"));
        assertThat(submitted.status()).isEqualTo(202);
        assertThat(submitted.body().path("status").asString()).isEqualTo("AWAITING_UNIT_SIGN_OFF");
        String id = submitted.body().path("id").asString();
        assertThat(asReviewer.get(ingest + "/api/reports").body().path("reports").findValuesAsString("id")).containsExactly(id);
        assertThat(asModerator.get(moderation + "/api/reviews/" + id).status()).isEqualTo(404);

        HttpJson.Response signed = asReviewer.post(ingest + "/api/reports/" + id + "/sign-off", Map.of());
        assertThat(signed.status()).as(String.valueOf(signed.body())).isEqualTo(200);
        assertThat(signed.body().path("status").asString()).isEqualTo("SUBMITTED");
        JsonNode review = await(() -> asModerator.get(moderation + "/api/reviews/" + id), r -> r.status() == 200).body();
        assertThat(review.path("article").path("unit").asString()).isEqualTo(unit);
        assertThat(review.path("status").asString()).isEqualTo("PENDING");
    }

    private static String stageAfter(HttpJson.Response decided) {
        assertThat(decided.status()).as(String.valueOf(decided.body())).isEqualTo(200);
        return decided.body().path("stage").path("name").asString();
    }

    private static String json(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }

    /**
     * A token as the local issuer makes them, signed with its key, for a second person of a role: the local
     * accounts hold one account per role, and four eyes need two people.
     */
    private static String signedToken(String subject, String role) throws Exception {
        var key = com.nimbusds.jose.jwk.RSAKey.parse(Files.readString(settings.issuerKeyFile()));
        long now = System.currentTimeMillis();
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer(settings.baseUrl(HeraldService.AUTH)).subject(subject).audience("herald").claim("roles", List.of(role))
                .issueTime(new java.util.Date(now)).expirationTime(new java.util.Date(now + 600_000)).build();
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        return jwt.serialize();
    }

    /**
     * The README's curl tour, copied as a reader copies it and run with bash, prints what the README says it
     * prints: its channel (工作动态) has no workflow of the tests above, so its one approval publishes.
     */
    @Test
    @Order(26)
    void theReadmesCurlTourPrintsWhatTheReadmeSays() throws Exception {
        ReadmeTour tour = ReadmeTour.of(settings.root().resolve("README.md"));

        ReadmeTour.Run run = tour.run(settings);

        String printed = run.stderr() + "\nprinted so far:\n" + run.stdout();
        assertThat(run.status()).as(printed).isZero();
        assertThat(run.stdout()).as(printed).isEqualTo(tour.expectedOutput());
    }

    @Test
    @Order(25)
    void aSubmittedAndApprovedReportIsOneTraceThroughAllFourServicesInCausalOrder() {
        String id = ids.get(0);
        // each step a descendant of the one before: submission, relay, review, decision, publication, its consumers
        List<OtlpReceiver.ReceivedSpan> chain = awaitTrace(id, List.of(
                span("ingest-service", "http post /api/reports"),
                span("ingest-service", "outbox relay", "herald.event.type", "herald.article.submitted.v1"),
                span("moderation-service", "handle moderation.article-submitted", "herald.article.id", id),
                span("moderation-service", "moderation decision", "herald.decision", "approve"),
                span("moderation-service", "outbox relay", "herald.event.type", "herald.article.published.v1"),
                span("search-service", "handle search", "herald.article.id", id)));
        assertThat(chain.getFirst().parentSpanId()).as("the submission starts the trace").isEmpty();
        // the publication's other consumers: matching in notification, the unit's report marked published in ingest
        for (String service : List.of("notification", "ingest")) {
            List<OtlpReceiver.ReceivedSpan> consumed = awaitTrace(id, List.of(
                    span("moderation-service", "outbox relay", "herald.event.type", "herald.article.published.v1"),
                    span(service + "-service", "handle " + service + ".article-published", "herald.article.id", id)));
            assertThat(consumed.getFirst()).isEqualTo(chain.get(4));
        }
        List<OtlpReceiver.ReceivedSpan> trace = traces.spans().stream()
                .filter(s -> s.traceId().equals(chain.getFirst().traceId())).toList();
        assertThat(trace).extracting(OtlpReceiver.ReceivedSpan::service)
                .contains("ingest-service", "moderation-service", "search-service", "notification-service");

        // the webhook a matching subscription is owed, tried on a sender thread of its own, is a span of its report's trace
        String hooked = ids.get(2);
        List<OtlpReceiver.ReceivedSpan> delivered = awaitTrace(hooked, List.of(
                span("moderation-service", "moderation decision", "herald.decision", "approve"),
                span("notification-service", "handle notification.article-published", "herald.article.id", hooked),
                span("notification-service", "webhook delivery attempt")));
        assertThat(delivered.getLast().attributes()).containsEntry("herald.attempt", "1");
    }

    private record Step(String service, String name, String key, String value) {
        boolean matches(OtlpReceiver.ReceivedSpan span) {
            return span.service().equals(service) && span.name().startsWith(name)
                    && (key == null || value.equals(span.attributes().get(key)));
        }
    }

    private static Step span(String service, String name) {
        return new Step(service, name, null, null);
    }

    private static Step span(String service, String name, String key, String value) {
        return new Step(service, name, key, value);
    }

    /** The spans matching the steps, each a descendant of the one before, in the trace where the article's review was decided. */
    private static List<OtlpReceiver.ReceivedSpan> awaitTrace(String articleId, List<Step> steps) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<OtlpReceiver.ReceivedSpan> spans = List.of();
        while (System.nanoTime() < deadline) {
            spans = traces.spans();
            List<OtlpReceiver.ReceivedSpan> chain = chain(articleId, steps, spans);
            if (chain != null) {
                return chain;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no trace of " + articleId + " holds " + steps + " in causal order within 60 s; its spans: "
                + spans.stream().filter(s -> articleId.equals(s.attributes().get("herald.article.id")))
                .map(s -> s.service() + " " + s.name() + " " + s.traceId()).toList());
    }

    private static List<OtlpReceiver.ReceivedSpan> chain(String articleId, List<Step> steps, List<OtlpReceiver.ReceivedSpan> spans) {
        List<String> traceIds = spans.stream().filter(s -> s.name().equals("moderation decision")
                && articleId.equals(s.attributes().get("herald.article.id"))).map(OtlpReceiver.ReceivedSpan::traceId).distinct().toList();
        for (String traceId : traceIds) {
            List<OtlpReceiver.ReceivedSpan> trace = spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
            List<OtlpReceiver.ReceivedSpan> found = new ArrayList<>();
            for (Step step : steps) {
                OtlpReceiver.ReceivedSpan previous = found.isEmpty() ? null : found.getLast();
                trace.stream().filter(step::matches)
                        .filter(s -> previous == null || ancestors(s, trace).contains(previous))
                        .findFirst().ifPresent(found::add);
            }
            if (found.size() == steps.size()) {
                return found;
            }
        }
        return null;
    }

    private static List<OtlpReceiver.ReceivedSpan> ancestors(OtlpReceiver.ReceivedSpan span, List<OtlpReceiver.ReceivedSpan> trace) {
        Map<String, OtlpReceiver.ReceivedSpan> byId = trace.stream()
                .collect(Collectors.toMap(OtlpReceiver.ReceivedSpan::spanId, s -> s, (a, b) -> a));
        List<OtlpReceiver.ReceivedSpan> ancestors = new ArrayList<>();
        for (var parent = byId.get(span.parentSpanId()); parent != null && !ancestors.contains(parent); parent = byId.get(parent.parentSpanId())) {
            ancestors.add(parent);
        }
        return ancestors;
    }

    private static void expectProblem(List<String> wrong, String what, HttpJson.Response response) {
        String type = response.header("Content-Type");
        if (response.status() < 400 || response.status() > 499 || response.status() == 429
                || type == null || !type.startsWith("application/problem+json")) {
            wrong.add(what + ": " + response.status() + " " + response.body());
        }
    }

    private static boolean isProblem(RawHttp.Answer answer) {
        return answer.status() >= 400 && answer.status() <= 499 && answer.status() != 429
                && answer.contentType().startsWith("application/problem+json");
    }

    private static String withoutQuery(String path) {
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /** The largest body the service takes on the path (herald.http settings of each service's application.yml). */
    private static long bodyLimit(HeraldService service, String path) {
        return switch (service) {
            case INGEST -> path.equals("/api/reports/import") ? 2 * 1024 * 1024 : 512 * 1024;
            case SEARCH -> 256 * 1024;
            default -> 64 * 1024;
        };
    }

    private static AccessMatrix.Resources securityResources() {
        return new AccessMatrix.Resources(ids.getFirst(), readerSubscription, readerSubscription, reader, readerNotice, "draft-x");
    }

    /** The first caller, owners first, whom the endpoint's access rule lets through: what it sends is what is judged. */
    private static AccessMatrix.Caller allowedCaller(AccessMatrix.Row row) {
        for (AccessMatrix.Caller caller : List.of(AccessMatrix.Caller.UNIT_A, AccessMatrix.Caller.SUBSCRIBER_A,
                AccessMatrix.Caller.MODERATOR, AccessMatrix.Caller.ADMIN)) {
            int status = row.expected().get(caller);
            if (status != 401 && status != 403) {
                return caller;
            }
        }
        return AccessMatrix.Caller.ADMIN;
    }

    private static final Map<AccessMatrix.Caller, String> tokens = new java.util.EnumMap<>(AccessMatrix.Caller.class);

    private static String tokenOf(AccessMatrix.Caller caller) {
        return tokens.computeIfAbsent(caller, c -> switch (c) {
            case UNIT_A -> LocalAccounts.token(settings, Role.UNIT, (String) CorpusReports.submissions().get(0).get("unit"));
            case SUBSCRIBER_A -> LocalAccounts.token(settings, Role.SUBSCRIBER, reader);
            case MODERATOR -> LocalAccounts.token(settings, Role.MODERATOR, null);
            default -> LocalAccounts.token(settings, Role.ADMIN, null);
        });
    }

    /**
     * What a caller could see of everything the hostile requests might have stored or changed: the reports
     * and reviews, unit A's drafts, every feed, subscriber A's subscriptions and the one it owns in full,
     * the registry, the lexicon and the dictionary.
     */
    private Map<String, String> storedState() {
        Map<String, String> state = new java.util.TreeMap<>(observableState());
        HttpJson asUnitA = http.as(tokenOf(AccessMatrix.Caller.UNIT_A));
        HttpJson asAdmin = http.as(tokenOf(AccessMatrix.Caller.ADMIN));
        state.put("drafts", asUnitA.get(ingest + "/api/drafts?size=100").body().findValuesAsString("id").toString());
        state.put("feeds", asAdmin.get(ingest + "/api/feeds").body().findValuesAsString("id").toString());
        state.put("subscriptions", asReader.get(notification + "/api/subscriptions?size=100").body().findValuesAsString("id").toString());
        JsonNode own = asReader.get(notification + "/api/subscriptions/" + readerSubscription).body();
        state.put("subscription", own.path("delivery").toString() + own.path("filter") + own.path("status"));
        state.put("units", asAdmin.get(ingest + "/api/units").body().toString());
        state.put("channels", asAdmin.get(ingest + "/api/channels").body().toString());
        state.put("lexicon", asAdmin.get(moderation + "/api/screening/lexicon").body().toString());
        // the dictionary as saved; a dictionary never saved reports the time it was read as its updatedAt
        JsonNode dictionary = asAdmin.get(search + "/api/search/dictionary").body();
        state.put("dictionary", dictionary.path("phrases").toString() + dictionary.path("synonyms"));
        return state;
    }

    /**
     * The console in a real Chromium on this same platform: a unit signs in and submits a report with a phone
     * number in it, a moderator finds it in the queue, sees the number marked as a finding and approves, and a
     * reader (signed out) finds it by a word. Screenshots of each step go to target/console-screenshots.
     */
    @Test
    @Order(30)
    void inTheConsoleAUnitSubmitsAModeratorApprovesWhatScreeningMarkedAndAReaderFindsIt() throws Exception {
        // the second corpus unit: the first one's channel has the three-stage workflow of the tests above
        Map<String, Object> corpusReport = CorpusReports.submissions().get(1);
        String unitName = (String) corpusReport.get("unit");
        var accounts = new dev.herald.auth.account.Accounts(settings.accountsFile());
        var unitAccount = accounts.forRole(Role.UNIT, unitName);
        var moderatorAccount = accounts.forRole(Role.MODERATOR, null);
        String title = "社区卫生服务中心开展健康义诊活动";
        Path shots = Path.of("target", "console-screenshots");
        try (ConsoleBrowser browser = ConsoleBrowser.open(settings.root(), settings.baseUrl(HeraldService.CONSOLE), shots)) {
            browser.go("/unit/reports/new");
            browser.signIn(unitAccount.clientId(), unitAccount.secret(), "/unit/reports/new");
            browser.type("channel", (String) corpusReport.get("channel"));
            browser.type("title", title);
            browser.type("contributor", "社区卫生服务中心 李医生");
            browser.type("body", "十二月三日，社区卫生服务中心党支部组织党员医生走进社区，开展健康义诊活动，为居民测量血压、解答用药问题。"
                    + "活动咨询电话13800138000。");
            browser.screenshot("unit-fills-the-report");
            browser.find("form.report-form button[type=submit]").click();
            browser.waitFor("已提交，编号");
            assertThat(browser.url()).contains("/unit/reports/");
            browser.screenshot("unit-sees-its-report-submitted");
            browser.signOut();

            browser.go("/moderation");
            browser.signIn(moderatorAccount.clientId(), moderatorAccount.secret(), "/moderation");
            browser.go("/moderation?unit=" + HttpJson.encode(unitName));
            browser.reloadUntil(title);
            browser.screenshot("moderator-queue");
            browser.clickLink(title);
            browser.reloadUntil("13800138000");
            assertThat(browser.texts(".body .text mark")).anySatisfy(marked -> assertThat(marked).contains("13800138000"));
            assertThat(browser.texts(".findings li")).anySatisfy(finding -> assertThat(finding).contains("联系方式"));
            browser.screenshot("moderator-review-with-finding-marked");
            // approves with an edit: the phone number the finding marked is taken out of the published body
            browser.type("edit-body", "十二月三日，社区卫生服务中心党支部组织党员医生走进社区，开展健康义诊活动，为居民测量血压、解答用药问题。");
            browser.type("note", "删去电话号码后通过");
            browser.find("button.approve").click();
            browser.waitFor("已通过。");
            browser.screenshot("moderator-approved");
            browser.signOut();

            browser.go("/search?q=" + HttpJson.encode("义诊"));
            browser.reloadUntil("href=\"/articles/");
            assertThat(browser.find("ol.hits mark").getText()).contains("义");
            browser.screenshot("reader-search");
            browser.clickLink(title);
            browser.waitFor("<h1>" + title + "</h1>");
            assertThat(browser.texts("article p")).anySatisfy(p -> assertThat(p).contains("健康义诊活动"))
                    .noneSatisfy(p -> assertThat(p).contains("13800138000"));
            browser.screenshot("reader-article");

            importedPageArrivesLiveInASubscribersInbox(browser, unitAccount, (String) corpusReport.get("channel"));
            anAdministratorSeesTheRegistryTheIndexAndTheDeadLetters(browser, unitName);
        }
        try (var saved = Files.list(shots)) {
            assertThat(saved.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(13);
        }
    }

    /**
     * The same browser, on: a unit pastes a corpus page (one of ingest's labelled pages), sees what was extracted and
     * from where, fixes the title and submits; a subscriber subscribes to a word of it and keeps the inbox open; a
     * moderator approves (through the API: the console's approval is the flow above), and the notice appears in the
     * open inbox without a reload, through the console's relay of the notification stream.
     */
    private void importedPageArrivesLiveInASubscribersInbox(ConsoleBrowser browser, dev.herald.auth.account.Account unitAccount,
                                                            String channel) throws Exception {
        String page = Files.readString(settings.root().resolve(
                "services/ingest-service/src/test/resources/extraction/pages/p02-hospital-html.html"));
        String fixedTitle = "以案为鉴守底线 警钟长鸣促廉洁（浏览器导入）";
        browser.go("/unit/import");
        browser.signIn(unitAccount.clientId(), unitAccount.secret(), "/unit/import");
        browser.paste("html", page);
        browser.type("channel", channel);
        browser.screenshot("unit-pastes-a-page");
        browser.find("form.import-form button[type=submit]").click();
        browser.waitFor("已去除的网页内容");
        assertThat(browser.url()).contains("/unit/drafts/");
        assertThat(browser.texts(".extracted tbody tr")).anySatisfy(row -> assertThat(row).contains("标题", "以案为鉴守底线", "%"));
        assertThat(browser.texts(".extracted mark")).anySatisfy(read -> assertThat(read).contains("以案为鉴守底线"));
        assertThat(browser.texts(".removed li")).isNotEmpty();
        browser.screenshot("unit-draft-with-extracted-fields");
        browser.type("title", fixedTitle);
        browser.find("button[name=action][value=submit]").click();
        browser.waitFor("已提交，编号");
        String report = browser.url().substring(browser.url().lastIndexOf('/') + 1);
        assertThat(browser.page()).contains(fixedTitle);
        browser.screenshot("unit-draft-submitted");
        browser.signOut();

        var subscriberAccount = new dev.herald.auth.account.Accounts(settings.accountsFile()).forRole(Role.SUBSCRIBER, "console-reader");
        browser.go("/subscriber");
        browser.signIn(subscriberAccount.clientId(), subscriberAccount.secret(), "/subscriber");
        browser.type("values", "警示教育");
        browser.find("form.report-form button[type=submit]").click();
        browser.waitFor("已订阅。");
        assertThat(browser.texts("table.subscriptions td")).anySatisfy(cell -> assertThat(cell).contains("关键词：警示教育"));
        browser.screenshot("subscriber-subscribed");
        browser.go("/subscriber/inbox");
        // the page's EventSource is open (so is the service's stream behind the relay): nothing approved from now is missed
        browser.waitFor("data-live=\"true\"");
        browser.screenshot("subscriber-inbox-waiting");

        await(() -> asModerator.get(moderation + "/api/reviews/" + report), r -> r.status() == 200);
        assertThat(asModerator.post(moderation + "/api/reviews/" + report + "/approve", Map.of("note", "内容属实")).status()).isEqualTo(200);
        // no reload: the row arrives through the open stream
        browser.waitFor(fixedTitle);
        assertThat(browser.texts("#inbox-list li.unread")).anySatisfy(row -> assertThat(row).contains(fixedTitle, "匹配：警示教育"));
        assertThat(browser.find("#inbox-counts").getText()).isEqualTo("共 1 条，未读 1 条");
        browser.screenshot("subscriber-notice-arrived-live");
        browser.find("#inbox-list li.unread form button").click();
        browser.waitFor("class=\"inbox-item read\"");
        browser.signOut();
    }

    /**
     * The same browser, on, read only (the tests after this one count on the platform as it is): an administrator
     * sees the units ingest registered, the search index with what was published above, and the dead-letter list.
     */
    private void anAdministratorSeesTheRegistryTheIndexAndTheDeadLetters(ConsoleBrowser browser, String unitName) throws Exception {
        var adminAccount = new dev.herald.auth.account.Accounts(settings.accountsFile()).forRole(Role.ADMIN, null);
        browser.go("/admin");
        browser.signIn(adminAccount.clientId(), adminAccount.secret(), "/admin");
        browser.go("/admin/registry");
        assertThat(browser.texts("table.units th[scope=row]")).contains(unitName);
        browser.screenshot("admin-registry");
        browser.go("/admin/search");
        assertThat(browser.find("#index").getText()).containsPattern("索引中 [1-9][0-9,]* 篇");
        browser.screenshot("admin-search-index");
        browser.go("/admin/dead-letters?service=search");
        assertThat(browser.find("#service option[selected]").getText()).isEqualTo("检索服务");
        browser.screenshot("admin-dead-letters");
        browser.signOut();
    }

    /** Every /api endpoint the services map, as their actuator mappings list them. */
    private List<String> mappedEndpoints(HttpJson asAdmin) {
        List<String> mapped = new ArrayList<>();
        for (HeraldService service : HeraldService.values()) {
            if (!service.isPublishingService()) {
                continue;
            }
            JsonNode mappings = asAdmin.get(settings.baseUrl(service) + "/actuator/mappings").body();
            for (JsonNode mapping : mappings.findValues("requestMappingConditions")) {
                for (JsonNode pattern : mapping.path("patterns")) {
                    if (!pattern.asString().startsWith("/api")) {
                        continue;
                    }
                    for (JsonNode method : mapping.path("methods")) {
                        mapped.add(service + " " + method.asString() + " " + pattern.asString());
                    }
                }
            }
        }
        // one path and method may be mapped twice, by media type (bulk NDJSON and ZIP): one row covers both
        return mapped.stream().distinct().toList();
    }

    /** A moderator's token signed by the given key, naming the given issuer, expiring so many seconds from now. */
    private static String moderatorToken(com.nimbusds.jose.jwk.RSAKey key, String issuer, long expiresInSeconds) throws Exception {
        long now = System.currentTimeMillis();
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer(issuer).subject("moderator").claim("roles", List.of("MODERATOR"))
                .issueTime(new java.util.Date(now - 900_000)).expirationTime(new java.util.Date(now + expiresInSeconds * 1000)).build();
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        return jwt.serialize();
    }

    private static com.nimbusds.jose.jwk.RSAKey newKey() throws Exception {
        return new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("unknown").generate();
    }

    private Map<String, String> observableState() {
        Map<String, String> state = new java.util.TreeMap<>();
        for (String id : ids) {
            JsonNode report = asModerator.get(ingest + "/api/reports/" + id).body();
            state.put("ingest " + id, report.path("status").asString() + " " + report.path("statusChangedAt").asString());
            state.put("moderation " + id, asModerator.get(moderation + "/api/reviews/" + id).body().path("status").asString());
        }
        state.put("pending", String.valueOf(asModerator.get(moderation + "/api/reviews?status=PENDING&size=100").body().path("total").asInt()));
        state.put("search 疫情", String.valueOf(http.get(search + "/api/search?q=" + HttpJson.encode("疫情")).body().path("total").asInt()));
        state.put("inbox", String.valueOf(asReader.get(notification + "/api/subscribers/" + reader + "/notifications").body().path("total").asInt()));
        return state;
    }

    private int replayAllEvents() throws Exception {
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "replay-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(TOPICS);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && emptyPolls < 5) {
                var batch = consumer.poll(Duration.ofMillis(500));
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                batch.forEach(records::add);
            }
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (var r : records) {
                producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers())).get();
            }
        }
        return records.size();
    }

    private void awaitConsumersCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap()))) {
            await(() -> null, ignored -> GROUPS.stream().allMatch(group -> caughtUp(admin, group)));
        }
    }

    /** Every group of the service caught up: search consumes once per instance, as search-service-<instance id>. */
    private static boolean caughtUp(Admin admin, String service) {
        try {
            List<String> groups = admin.listGroups().all().get().stream().map(GroupListing::groupId)
                    .filter(id -> id.equals(service) || id.startsWith(service + "-")).toList();
            return !groups.isEmpty() && groups.stream().allMatch(group -> groupCaughtUp(admin, group));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean groupCaughtUp(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return !committed.isEmpty() && committed.entrySet().stream()
                    .allMatch(e -> e.getValue() != null && e.getValue().offset() >= ends.get(e.getKey()).offset());
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpJson.Response await(Supplier<HttpJson.Response> call, Predicate<HttpJson.Response> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpJson.Response last = null;
        while (System.nanoTime() < deadline) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("condition not met within 60 s; last answer: " + (last == null ? "none" : last.body()));
    }
}
