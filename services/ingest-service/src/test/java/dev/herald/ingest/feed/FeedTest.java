package dev.herald.ingest.feed;

import com.jayway.jsonpath.JsonPath;
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

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds: a unit registers an RSS or Atom feed, each poll takes in its new items as drafts (or, for a
 * trusted unit, as submitted reports), nothing is taken twice, and a feed in trouble says so.
 */
@SpringBootTest(properties = "herald.rate-limits.enabled=false")
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class FeedTest {

    static final RequestPostProcessor NANNING = TestTokens.unit("南宁市中医医院党委");
    static final RequestPostProcessor CHAOYANG = TestTokens.unit("朝阳区卫生健康委");
    static final Instant RECENT = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    static FeedSite site;

    @Autowired
    MockMvcTester http;

    @Autowired
    FeedScheduler scheduler;

    @Autowired
    Feeds feeds;

    @BeforeAll
    static void startSite() {
        site = new FeedSite();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void anUntrustedUnitsItemsBecomeDraftsAndASecondPollMakesNothingNew() throws Exception {
        String mark = mark();
        String url = rss("/" + mark + ".xml", "UTF-8", List.of(
                item(mark + "-1", "主题党日活动走进社区", RECENT.minus(2, ChronoUnit.HOURS), FeedXml.story(mark + "甲")),
                item(mark + "-2", "党员志愿者开展义诊", RECENT, FeedXml.story(mark + "乙"))));
        String id = register(NANNING, url);
        assertThat(feed(NANNING, id)).contains("\"health\":\"NEW\"");

        String poll = body(http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange());
        assertThat((String) JsonPath.read(poll, "$.outcome")).isEqualTo("OK");
        assertThat((Integer) JsonPath.read(poll, "$.added")).isEqualTo(2);

        String items = body(http.get().uri("/api/feeds/{id}/items", id).with(NANNING).exchange());
        assertThat((List<String>) JsonPath.read(items, "$.items[*].outcome")).containsOnly("DRAFTED").hasSize(2);
        String draftId = ((List<String>) JsonPath.read(items, "$.items[?(@.itemId == '" + mark + "-2')].draftId")).getFirst();
        String draft = body(http.get().uri("/api/drafts/{id}", draftId).with(NANNING).exchange());
        assertThat((String) JsonPath.read(draft, "$.status")).isEqualTo("OPEN");
        assertThat((String) JsonPath.read(draft, "$.origin.kind")).isEqualTo("FEED");
        assertThat((String) JsonPath.read(draft, "$.origin.feedId")).isEqualTo(id);
        assertThat((String) JsonPath.read(draft, "$.content.title")).isEqualTo("党员志愿者开展义诊");
        assertThat((String) JsonPath.read(draft, "$.content.body")).contains(mark + "乙党支部");

        String view = feed(NANNING, id);
        assertThat((String) JsonPath.read(view, "$.health")).isEqualTo("OK");
        assertThat((String) JsonPath.read(view, "$.title")).isEqualTo("测试站点");
        assertThat((String) JsonPath.read(view, "$.lastItem.title")).isEqualTo("党员志愿者开展义诊");
        assertThat(((Number) JsonPath.read(view, "$.itemsImported")).intValue()).isEqualTo(2);

        String again = body(http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange());
        assertThat((Integer) JsonPath.read(again, "$.added")).isZero();
        assertThat((Integer) JsonPath.read(again, "$.skipped")).isZero();
        assertThat((Integer) JsonPath.read(body(http.get().uri("/api/feeds/{id}/items", id).with(NANNING).exchange()), "$.total"))
                .isEqualTo(2);
    }

    @Test
    void aTrustedUnitsItemsAreSubmittedAsReportsAndOneThatCannotBeStaysADraftSayingWhy() throws Exception {
        String mark = mark();
        String url = atom("/" + mark + ".atom", List.of(
                new FeedXml.Item("urn:" + mark + ":1", "卫生健康系统党建工作会议召开", null, RECENT, null, FeedXml.story(mark + "丙"), "工作动态"),
                new FeedXml.Item("urn:" + mark + ":2", "一条去不了任何栏目的消息", null, RECENT.plusSeconds(60), null,
                        FeedXml.story(mark + "丁"), "无此栏目")));
        String id = register(CHAOYANG, url);

        String poll = body(http.post().uri("/api/feeds/{id}/poll", id).with(CHAOYANG).exchange());
        assertThat((Integer) JsonPath.read(poll, "$.added")).isEqualTo(2);

        String submitted = body(http.get().uri("/api/feeds/{id}/items?outcome=SUBMITTED", id).with(CHAOYANG).exchange());
        assertThat((List<String>) JsonPath.read(submitted, "$.items[*].itemId")).containsExactly("urn:" + mark + ":1");
        String reportId = JsonPath.read(submitted, "$.items[0].reportId");
        assertThat(http.get().uri("/api/reports/{id}", reportId).with(CHAOYANG)).hasStatusOk().bodyJson()
                .extractingPath("$.channel").isEqualTo("工作动态");

        String drafted = body(http.get().uri("/api/feeds/{id}/items?outcome=DRAFTED", id).with(CHAOYANG).exchange());
        assertThat((List<String>) JsonPath.read(drafted, "$.items[*].itemId")).containsExactly("urn:" + mark + ":2");
        assertThat((String) JsonPath.read(drafted, "$.items[0].reason")).startsWith("not submitted").contains("channel");
        String draftId = JsonPath.read(drafted, "$.items[0].draftId");
        assertThat(http.get().uri("/api/drafts/{id}", draftId).with(CHAOYANG)).hasStatusOk().bodyJson()
                .extractingPath("$.status").isEqualTo("OPEN");
    }

    @Test
    void anItemWithANewIdButTheSameTextIsSkippedAsDuplicateContent() throws Exception {
        String mark = mark();
        String path = "/" + mark + ".xml";
        String url = rss(path, "UTF-8", List.of(item(mark + "-1", "原稿", RECENT, FeedXml.story(mark))));
        String id = register(NANNING, url);
        http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange();

        rss(path, "UTF-8", List.of(item(mark + "-1", "原稿", RECENT, FeedXml.story(mark)),
                item(mark + "-repost", "原稿（转载）", RECENT.plusSeconds(600), FeedXml.story(mark).replace("，", ","))));
        String poll = body(http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange());

        assertThat((Integer) JsonPath.read(poll, "$.added")).isZero();
        assertThat((Integer) JsonPath.read(poll, "$.skipped")).isEqualTo(1);
        String duplicates = body(http.get().uri("/api/feeds/{id}/items?outcome=DUPLICATE_CONTENT", id).with(NANNING).exchange());
        assertThat((List<String>) JsonPath.read(duplicates, "$.items[*].itemId")).containsExactly(mark + "-repost");
        assertThat((List<Object>) JsonPath.read(duplicates, "$.items[*].draftId")).containsOnlyNulls();
    }

    @Test
    void aSummaryOnlyItemIsDraftedFromItsLinkedPage() throws Exception {
        String mark = mark();
        String page = site.serve("/news/" + mark + ".html", 200, "text/html; charset=utf-8",
                ("<html><head><title>社区义诊活动 - 南宁市中医医院</title></head><body><div class=\"nav\">网站首页</div>"
                        + "<h1>社区义诊活动</h1>" + FeedXml.story(mark + "链接页") + "</body></html>").getBytes(StandardCharsets.UTF_8));
        String url = rss("/" + mark + ".xml", "UTF-8", List.of(new FeedXml.Item(null, "社区义诊活动", page, RECENT,
                "近日，我院党员走进社区开展义诊。", null, null)));
        String id = register(NANNING, url);

        assertThat((Integer) JsonPath.read(body(http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange()), "$.added"))
                .isEqualTo(1);
        String items = body(http.get().uri("/api/feeds/{id}/items", id).with(NANNING).exchange());
        assertThat((String) JsonPath.read(items, "$.items[0].itemId")).as("no guid: the link is the id").isEqualTo(page);
        String draft = body(http.get().uri("/api/drafts/{id}", (String) JsonPath.read(items, "$.items[0].draftId")).with(NANNING).exchange());
        assertThat((String) JsonPath.read(draft, "$.content.body")).contains(mark + "链接页党支部").doesNotContain("网站首页");
        assertThat((String) JsonPath.read(draft, "$.origin.url")).isEqualTo(page);
    }

    @Test
    void aGbkEncodedFeedIsReadFromItsXmlDeclaration() throws Exception {
        String mark = mark();
        String xml = FeedXml.rss("GBK", "南宁市中医医院新闻", List.of(item(mark, "我院召开党风廉政建设工作会议", RECENT, FeedXml.story(mark))));
        // served as text/xml without a charset, as such sites do: the declaration must decide, not US-ASCII
        String url = site.serve("/" + mark + ".xml", 200, "text/xml", xml.getBytes(Charset.forName("GBK")));
        String id = register(NANNING, url);

        assertThat((Integer) JsonPath.read(body(http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange()), "$.added"))
                .isEqualTo(1);
        String view = feed(NANNING, id);
        assertThat((String) JsonPath.read(view, "$.title")).isEqualTo("南宁市中医医院新闻");
        assertThat((String) JsonPath.read(view, "$.lastItem.title")).isEqualTo("我院召开党风廉政建设工作会议");
    }

    @Test
    void aFeedAnswering500IsFailingWithItsLastErrorAndBacksOff() throws Exception {
        String mark = mark();
        String url = site.serve("/" + mark + ".xml", 500, "text/plain", "down".getBytes(StandardCharsets.UTF_8));
        String id = register(NANNING, url, 30);

        String poll = body(http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange());
        assertThat((String) JsonPath.read(poll, "$.outcome")).isEqualTo("FAILED");
        assertThat((String) JsonPath.read(poll, "$.error")).contains("500");
        String view = feed(NANNING, id);
        assertThat((String) JsonPath.read(view, "$.health")).isEqualTo("FAILING");
        assertThat((String) JsonPath.read(view, "$.lastError")).contains("500");
        assertThat((Integer) JsonPath.read(view, "$.consecutiveFailures")).isEqualTo(1);
        assertThat(wait(view)).isEqualTo(Duration.ofMinutes(60));

        http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange();
        assertThat(wait(feed(NANNING, id))).as("doubled again after the second failure").isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void malformedXmlIsARecordedFailureAndTheFeedRecoversWhenItIsFixed() throws Exception {
        String mark = mark();
        String path = "/" + mark + ".xml";
        String url = site.serve(path, 200, "application/rss+xml", "<rss><channel><title>断了".getBytes(StandardCharsets.UTF_8));
        String id = register(NANNING, url);

        String poll = body(http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange());
        assertThat((String) JsonPath.read(poll, "$.error")).startsWith("not a readable RSS or Atom feed");
        assertThat((String) JsonPath.read(feed(NANNING, id), "$.health")).isEqualTo("FAILING");

        rss(path, "UTF-8", List.of(item(mark, "恢复后的第一条", RECENT, FeedXml.story(mark))));
        assertThat((String) JsonPath.read(body(http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange()), "$.outcome"))
                .isEqualTo("OK");
        String view = feed(NANNING, id);
        assertThat((String) JsonPath.read(view, "$.health")).isEqualTo("OK");
        assertThat((Integer) JsonPath.read(view, "$.consecutiveFailures")).isZero();
        assertThat((String) JsonPath.read(view, "$.lastError")).as("kept for the record").startsWith("not a readable");
    }

    @Test
    void aFeedWhoseLastItemIsOldIsQuiet() throws Exception {
        String mark = mark();
        String url = rss("/" + mark + ".xml", "UTF-8", List.of(item(mark, "去年的旧闻", Instant.parse("2020-04-02T02:00:00Z"), FeedXml.story(mark))));
        String id = register(NANNING, url);
        http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange();

        String view = feed(NANNING, id);
        assertThat((String) JsonPath.read(view, "$.health")).isEqualTo("QUIET");
        assertThat((String) JsonPath.read(view, "$.lastItem.publishedAt")).isEqualTo("2020-04-02T02:00:00Z");
        String draft = body(http.get().uri("/api/drafts/{id}", FeedItem.draftId(id, mark)).with(NANNING).exchange());
        assertThat((String) JsonPath.read(draft, "$.content.originalPublishedAt")).as("the feed's date, in the units' zone")
                .isEqualTo("2020-04-02T10:00");
        assertThat((Double) JsonPath.read(draft, "$.extracted.originalDate.confidence")).isEqualTo(FeedFields.FROM_FEED);
    }

    @Test
    void theBackgroundPollerTakesDueFeedsButNotPausedOnes() throws Exception {
        String mark = mark();
        String active = register(NANNING, rss("/" + mark + "-active.xml", "UTF-8", List.of(item(mark + "-a", "在用", RECENT, FeedXml.story(mark + "用")))));
        String paused = register(NANNING, rss("/" + mark + "-paused.xml", "UTF-8", List.of(item(mark + "-p", "暂停", RECENT, FeedXml.story(mark + "停")))));
        assertThat(http.patch().uri("/api/feeds/{id}", paused).with(NANNING).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"PAUSED\"}")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("PAUSED");

        assertThat(scheduler.pollDue()).isPositive();

        assertThat((Integer) JsonPath.read(feed(NANNING, active), "$.itemsImported")).isEqualTo(1);
        String view = feed(NANNING, paused);
        assertThat((String) JsonPath.read(view, "$.health")).isEqualTo("NEW");
        assertThat((Object) JsonPath.read(view, "$.lastPolledAt")).isNull();
        assertThat(scheduler.pollDue()).as("nothing is due again until its interval has passed").isZero();
    }

    @Test
    void anotherUnitsFeedIsNotFoundAndOnlyAnAdministratorSeesEveryUnitsFeeds() throws Exception {
        String id = register(NANNING, site.url("/" + mark() + ".xml"));
        for (MvcTestResult call : List.of(
                http.get().uri("/api/feeds/{id}", id).with(CHAOYANG).exchange(),
                http.get().uri("/api/feeds/{id}/items", id).with(CHAOYANG).exchange(),
                http.post().uri("/api/feeds/{id}/poll", id).with(CHAOYANG).exchange(),
                http.patch().uri("/api/feeds/{id}", id).with(CHAOYANG).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PAUSED\"}").exchange(),
                http.delete().uri("/api/feeds/{id}", id).with(CHAOYANG).exchange())) {
            assertThat(call).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(body(http.get().uri("/api/feeds").with(CHAOYANG).exchange())).doesNotContain(id);
        assertThat(body(http.get().uri("/api/feeds?unit=南宁市中医医院党委").with(TestTokens.admin()).exchange())).contains(id);
        assertThat(http.get().uri("/api/feeds/{id}", id).with(TestTokens.admin())).hasStatusOk();
        assertThat(http.get().uri("/api/feeds").with(TestTokens.moderator("mod"))).hasStatus(403);
        assertThat(http.post().uri("/api/feeds/{id}/poll", id).with(TestTokens.admin())).hasStatus(403);

        assertThat(http.delete().uri("/api/feeds/{id}", id).with(NANNING)).hasStatus(204);
        assertThat(http.get().uri("/api/feeds/{id}", id).with(NANNING)).hasStatus(404);
    }

    @Test
    void aRegistrationIsCheckedAndMadeOnce() throws Exception {
        assertThat(post(NANNING, "{\"url\":\"ftp://example.org/feed.xml\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("url");
        assertThat(post(NANNING, "{\"url\":\"http://example.org/feed.xml\",\"intervalMinutes\":1}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("intervalMinutes");
        assertThat(post(TestTokens.unit("未登记的单位"), "{\"url\":\"http://example.org/feed.xml\"}")).hasStatus(400);
        String url = "{\"url\":\"http://example.org/" + mark() + ".xml\"}";
        assertThat(post(NANNING, url)).hasStatus(201).bodyJson().extractingPath("$.intervalMinutes").isEqualTo(30);
        assertThat(post(NANNING, url)).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFeedOnAPrivateOrMetadataAddressIsRefusedWhenRegisteredAndNothingIsStored() throws Exception {
        int before = feeds.list("南宁市中医医院党委").size();
        for (String url : java.util.List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/feed.xml",
                "http://192.168.1.1/feed.xml", "http://[fd00::1]/feed.xml", "http://[::ffff:169.254.169.254]/feed.xml",
                "http://0.0.0.0/feed.xml", "http://user:secret@example.org/feed.xml", "file:///etc/passwd")) {
            assertThat(post(NANNING, "{\"url\":\"" + url + "\"}")).as(url).hasStatus(400)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().extractingPath("$.errors[0].field").isEqualTo("url");
        }
        assertThat(feeds.list("南宁市中医医院党委")).hasSize(before);
    }

    @Test
    void anExternalEntityIsNeverResolved() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("herald-secret", ".txt");
        java.nio.file.Files.writeString(secret, "TOP-SECRET-" + mark());
        String mark = mark();
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title><item><guid>" + mark + "</guid><title>&xxe;</title>"
                + "<description>&xxe;</description></item></channel></rss>";
        String id = register(NANNING, site.serve("/" + mark + ".xml", 200, "application/rss+xml", xml.getBytes(StandardCharsets.UTF_8)));

        String poll = body(http.post().uri("/api/feeds/{id}/poll", id).with(NANNING).exchange());
        assertThat((String) JsonPath.read(poll, "$.outcome")).isEqualTo("FAILED");
        assertThat(poll).doesNotContain("TOP-SECRET");
        assertThat(body(http.get().uri("/api/feeds/{id}/items", id).with(NANNING).exchange())).contains("\"total\":0");
        assertThat(feed(NANNING, id)).doesNotContain("TOP-SECRET").contains("FAILING");
    }

    private static FeedXml.Item item(String guid, String title, Instant published, String content) {
        return new FeedXml.Item(guid, title, null, published, null, content, null);
    }

    private static String rss(String path, String encoding, List<FeedXml.Item> items) {
        return site.serve(path, 200, "application/rss+xml; charset=" + encoding,
                FeedXml.rss(encoding, "测试站点", items).getBytes(Charset.forName(encoding)));
    }

    private static String atom(String path, List<FeedXml.Item> items) {
        return site.serve(path, 200, "application/atom+xml", FeedXml.atom("朝阳健康", items).getBytes(StandardCharsets.UTF_8));
    }

    private String register(RequestPostProcessor unit, String url) throws Exception {
        return register(unit, url, null);
    }

    @Test
    void twoInstancesReachingForTheSameDueFeedPollItOnceAndALeaseLeftBehindLapses() throws Exception {
        String id = register(NANNING, "http://127.0.0.1:9/lease-" + java.util.UUID.randomUUID() + ".xml");
        java.time.Instant now = java.time.Instant.now();
        java.time.Duration lease = java.time.Duration.ofMinutes(5);

        var first = feeds.claim(id, now, lease);
        var second = feeds.claim(id, now.plusSeconds(1), lease);
        var afterTheLease = feeds.claim(id, now.plus(lease).plusSeconds(1), lease);

        assertThat(first).isPresent();
        assertThat(second).as("another instance, while the first holds the lease").isEmpty();
        assertThat(afterTheLease).as("the first instance died without finishing").isPresent();
    }

    @Test
    void aPollThatOutlivedItsLeaseCannotRecordItsOutcomeOverTheInstanceThatTookTheFeedOver() throws Exception {
        String id = register(NANNING, "http://127.0.0.1:9/late-" + java.util.UUID.randomUUID() + ".xml");
        java.time.Instant now = java.time.Instant.now();
        java.time.Duration lease = java.time.Duration.ofMinutes(5);
        Feed slow = feeds.claim(id, now, lease).orElseThrow();
        Feed takenOver = feeds.claim(id, now.plus(lease).plusSeconds(1), lease).orElseThrow();

        boolean lateOutcome = feeds.failed(slow, "Read timed out", now.plus(lease).plusSeconds(2), java.time.Duration.ofHours(1));

        assertThat(lateOutcome).isFalse();
        Feed stored = feeds.get(id).orElseThrow();
        assertThat(stored.leasedUntil()).as("the new holder's lease").isEqualTo(takenOver.leasedUntil());
        assertThat(stored.consecutiveFailures()).isZero();
        assertThat(stored.lastError()).isNull();
        assertThat(feeds.succeeded(takenOver, "标题", now.plus(lease).plusSeconds(3), null, 1, 0)).isTrue();
        assertThat(feeds.get(id).orElseThrow().leasedUntil()).isNull();
    }

    private String register(RequestPostProcessor unit, String url, Integer interval) throws Exception {
        MvcTestResult result = post(unit, "{\"url\":\"" + url + "\"" + (interval == null ? "" : ",\"intervalMinutes\":" + interval) + "}");
        assertThat(result).hasStatus(201);
        return JsonPath.read(body(result), "$.id");
    }

    private MvcTestResult post(RequestPostProcessor unit, String json) {
        return http.post().uri("/api/feeds").with(unit).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private String feed(RequestPostProcessor unit, String id) throws Exception {
        MvcTestResult result = http.get().uri("/api/feeds/{id}", id).with(unit).exchange();
        assertThat(result).hasStatusOk();
        return body(result);
    }

    /** The time the feed waits between its last poll and its next. */
    private static Duration wait(String view) {
        return Duration.between(Instant.parse(JsonPath.read(view, "$.lastPolledAt")), Instant.parse(JsonPath.read(view, "$.nextPollAt")));
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String mark() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }
}
