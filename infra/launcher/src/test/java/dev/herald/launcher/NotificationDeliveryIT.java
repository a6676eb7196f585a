package dev.herald.launcher;

import dev.herald.auth.account.Role;
import dev.herald.infra.embedded.WebhookReceiver;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What subscribers receive from the whole platform, each service in its own JVM on a real Kafka broker:
 * a webhook endpoint that fails at first, e-mail through a real SMTP server with a working unsubscribe
 * link, the inbox's live stream, and a daily digest. Only the webhook schedule is shortened from hours to
 * seconds, so the retries happen within the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationDeliveryIT {

    static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/api/(unsubscribe|email-verification)\\?token=[A-Za-z0-9_.~%-]+");

    static Platform platform;
    static PlatformSettings settings;
    static WebhookReceiver webhook;
    static final HttpJson http = new HttpJson();
    static String ingest, moderation, notification;
    static HttpJson asModerator, asHookSubscriber, asMailSubscriber, asDigestSubscriber;
    static String streamToken, streamSubscriber = "live-" + UUID.randomUUID();
    static final String mailAddress = "reader-" + UUID.randomUUID() + "@example.org";
    static final String digestAddress = "digest-" + UUID.randomUUID() + "@example.org";
    static String mailSubscription, digestSubscription;
    static Instant digestAt;
    static final List<Map<String, Object>> reports = CorpusReports.submissions();
    static final List<String> ids = new ArrayList<>();
    static final List<Instant> approvedAt = new ArrayList<>();
    static final List<Arrival> streamed = new CopyOnWriteArrayList<>();
    static CompletableFuture<?> stream;

    record Arrival(Instant at, JsonNode notice) {
    }

    @BeforeAll
    static void startPlatform() throws Exception {
        Path root = Path.of(System.getProperty("herald.root", "../..")).toAbsolutePath().normalize();
        settings = PlatformSettings.onFreePorts(root, Files.createTempDirectory("herald-notify"), true)
                .withProperties(HeraldService.NOTIFICATION,
                        "--herald.notification.webhook.schedule=0s,1s,1s,2s",
                        "--herald.notification.digest.poll-interval=1s",
                        "--herald.notification.digest.grace=1s");
        platform = Platform.start(settings, System.out);
        webhook = WebhookReceiver.start();
        ingest = settings.baseUrl(HeraldService.INGEST);
        moderation = settings.baseUrl(HeraldService.MODERATION);
        notification = settings.baseUrl(HeraldService.NOTIFICATION);
        asModerator = http.as(LocalAccounts.token(settings, Role.MODERATOR, null));
        asHookSubscriber = http.as(LocalAccounts.token(settings, Role.SUBSCRIBER, "hook-" + UUID.randomUUID()));
        asMailSubscriber = http.as(LocalAccounts.token(settings, Role.SUBSCRIBER, "mail-" + UUID.randomUUID()));
        asDigestSubscriber = http.as(LocalAccounts.token(settings, Role.SUBSCRIBER, "digest-" + UUID.randomUUID()));
        streamToken = LocalAccounts.token(settings, Role.SUBSCRIBER, streamSubscriber);
    }

    @AfterAll
    static void stopPlatform() {
        if (stream != null) stream.cancel(true);
        if (webhook != null) webhook.close();
        if (platform != null) platform.close();
    }

    @Test
    @Order(1)
    void aWebhookSubscriberGetsASecretAndAnEmailSubscriberConfirmsThroughTheLinkMailedToThem() {
        JsonNode hook = created(asHookSubscriber.post(notification + "/api/subscriptions", Map.of(
                "filter", Map.of("units", units()),
                "delivery", Map.of("type", "WEBHOOK", "url", webhook.url("/flaky")))));
        assertThat(hook.path("delivery").path("secret").asString()).startsWith("whsec_");
        webhook.expectSecret("/flaky", hook.path("delivery").path("secret").asString());
        webhook.failFirst("/flaky", 2);

        JsonNode mail = created(asMailSubscriber.post(notification + "/api/subscriptions", Map.of(
                "filter", Map.of("units", List.of(reports.getFirst().get("unit"))),
                "delivery", Map.of("type", "EMAIL", "email", mailAddress))));
        mailSubscription = mail.path("id").asString();
        assertThat(mail.path("status").asString()).isEqualTo("PENDING_VERIFICATION");
        confirm(mailAddress);
        assertThat(asMailSubscriber.get(notification + "/api/subscriptions/" + mailSubscription).body()
                .path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(2)
    void aDigestSubscriberChoosesADailyTimeShortlyAfterTheArticlesWillBePublished() {
        // daily times are whole minutes: the first one at least 30 s away, after all three articles are published
        digestAt = Instant.now().plusSeconds(90).truncatedTo(ChronoUnit.MINUTES);
        LocalTime at = LocalTime.ofInstant(digestAt, ZoneOffset.UTC);
        JsonNode digest = created(asDigestSubscriber.post(notification + "/api/subscriptions", Map.of(
                "filter", Map.of("units", units()),
                "delivery", Map.of("type", "EMAIL", "email", digestAddress),
                "frequency", Map.of("cadence", "DAILY", "dailyAt", at.toString(), "zone", "UTC"))));
        digestSubscription = digest.path("id").asString();
        confirm(digestAddress);
    }

    @Test
    @Order(3)
    void aReaderOpensTheLiveStreamOfTheirInbox() throws Exception {
        created(http.as(streamToken).post(notification + "/api/subscriptions", Map.of(
                "filter", Map.of("units", units()), "delivery", Map.of("type", "INBOX"))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(notification + "/api/subscribers/" + streamSubscriber
                        + "/notifications/stream?seconds=600"))
                .header("Authorization", "Bearer " + streamToken).header("Accept", "text/event-stream").build();
        JsonMapper json = JsonMapper.builder().build();
        CompletableFuture<Void> opened = new CompletableFuture<>();
        stream = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    opened.complete(null);
                    response.body().forEach(line -> {
                        if (line.startsWith("data:")) {
                            streamed.add(new Arrival(Instant.now(), json.readTree(line.substring(5))));
                        }
                    });
                });
        opened.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    @Order(4)
    void threeUnitsSubmitAndAModeratorApprovesAllThree() {
        for (Map<String, Object> report : reports) {
            HttpJson asUnit = http.as(LocalAccounts.token(settings, Role.UNIT, (String) report.get("unit")));
            HttpJson.Response submitted = asUnit.post(ingest + "/api/reports", CorpusReports.body(report));
            assertThat(submitted.status()).isEqualTo(202);
            ids.add(submitted.body().path("id").asString());
        }
        for (String id : ids) {
            await("review of " + id, () -> asModerator.get(moderation + "/api/reviews/" + id).status() == 200);
            assertThat(asModerator.post(moderation + "/api/reviews/" + id + "/approve", Map.of()).status()).isEqualTo(200);
            approvedAt.add(Instant.now());
        }
        assertThat(Instant.now()).as("approvals must end before the digest window closes").isBefore(digestAt);
    }

    @Test
    @Order(5)
    void theLiveStreamShowsEachNoticeMomentsAfterItsApproval() {
        await("three notices on the stream", () -> streamed.size() >= 3);
        assertThat(streamed).extracting(a -> a.notice().path("articleId").asString()).containsExactlyInAnyOrderElementsOf(ids);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Arrival arrival = streamed.stream().filter(a -> a.notice().path("articleId").asString().equals(id)).findFirst().orElseThrow();
            // the latency is reported, not asserted: speed is measured by benchmarks, not by timed tests
            System.out.printf("herald-it: approval of %s to its notice on the stream: %d ms%n",
                    id, Duration.between(approvedAt.get(i), arrival.at()).toMillis());
        }
    }

    @Test
    @Order(6)
    void aWebhookEndpointThatFailsItsFirstTwoCallsReceivesEachNoticeExactlyOnce() {
        await("each article accepted at the webhook", () -> webhook.calls("/flaky").stream()
                .filter(WebhookReceiver.Call::accepted).count() >= 3);
        List<WebhookReceiver.Call> calls = webhook.calls("/flaky");
        assertThat(calls).allMatch(WebhookReceiver.Call::signatureValid, "signed with the subscription's secret");
        assertThat(calls.stream().filter(c -> !c.accepted())).hasSize(2);
        List<WebhookReceiver.Call> accepted = calls.stream().filter(WebhookReceiver.Call::accepted).toList();
        for (String id : ids) {
            assertThat(accepted).filteredOn(c -> c.body().contains(id)).as("accepted calls for " + id).hasSize(1);
        }
        // a retry carries the same webhook-id, so it doubles as the receiver's idempotency key
        assertThat(accepted.stream().map(WebhookReceiver.Call::webhookId).distinct()).hasSize(3);
        calls.stream().filter(c -> !c.accepted()).forEach(failed ->
                assertThat(accepted).extracting(WebhookReceiver.Call::webhookId).contains(failed.webhookId()));
        assertThat(accepted).allSatisfy(c -> assertThat(c.body()).contains("/api/unsubscribe?token="));
    }

    @Test
    @Order(7)
    void anEmailSubscriberGetsTheArticleByMailAndItsUnsubscribeLinkWorksWithoutLogin() {
        await("the article mail", () -> mailsTo(mailAddress).size() >= 2);
        List<MimeMessage> mails = mailsTo(mailAddress);
        String title = (String) reports.getFirst().get("title");
        MimeMessage article = mails.stream().filter(m -> subject(m).contains(title)).findFirst().orElseThrow();
        assertThat(mails).hasSize(2);
        assertThat(header(article, "List-Unsubscribe")).contains("/api/unsubscribe?token=");
        String text = text(article);
        assertThat(text).contains(title).contains((String) reports.getFirst().get("unit"));
        String unsubscribe = link(text, "unsubscribe").orElseThrow();

        // following the link (as a mail scanner would) only shows a confirmation page
        assertThat(http.get(unsubscribe).status()).isEqualTo(200);
        assertThat(asMailSubscriber.get(notification + "/api/subscriptions/" + mailSubscription).status()).isEqualTo(200);
        HttpJson.Response clicked = http.request("POST", unsubscribe, null);
        assertThat(clicked.status()).isEqualTo(200);
        assertThat(clicked.body().path("status").asString()).isEqualTo("unsubscribed");
        assertThat(asMailSubscriber.get(notification + "/api/subscriptions/" + mailSubscription).status()).isEqualTo(404);
        assertThat(http.request("POST", unsubscribe, null).body().path("status").asString()).isEqualTo("already unsubscribed");
    }

    @Test
    @Order(8)
    void aDailyDigestSubscriberGetsOneMessageForTheThreeArticles() {
        await("the digest", () -> mailsTo(digestAddress).size() >= 2, Duration.between(Instant.now(), digestAt).plusSeconds(60));
        List<MimeMessage> mails = mailsTo(digestAddress);
        // the confirmation, then one digest: nothing was mailed as each article appeared
        assertThat(mails).hasSize(2);
        MimeMessage digest = mails.get(1);
        String text = text(digest);
        for (Map<String, Object> report : reports) {
            assertThat(text).contains((String) report.get("title"));
        }
        assertThat(header(digest, "List-Unsubscribe")).contains("/api/unsubscribe?token=");
        assertThat(asDigestSubscriber.get(notification + "/api/subscriptions/" + digestSubscription).body()
                .path("status").asString()).isEqualTo("ACTIVE");
    }

    private static List<String> units() {
        return reports.stream().map(r -> (String) r.get("unit")).toList();
    }

    private static JsonNode created(HttpJson.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
        return response.body();
    }

    private static void confirm(String address) {
        await("the confirmation mail to " + address, () -> !mailsTo(address).isEmpty());
        String link = link(text(mailsTo(address).getFirst()), "email-verification").orElseThrow();
        // the owner's button: a GET of the link only shows it
        HttpJson.Response confirmed = http.post(link, java.util.Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().path("status").asString()).isEqualTo("verified");
    }

    private static Optional<String> link(String text, String kind) {
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return platform.receivedMails().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null ? "" : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text alternative, the part a link is read from. */
    private static String text(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        return (String) part.getContent();
                    }
                    if (part.getContent() instanceof Multipart nested) {
                        for (int j = 0; j < nested.getCount(); j++) {
                            if (nested.getBodyPart(j).isMimeType("text/plain")) {
                                return (String) nested.getBodyPart(j).getContent();
                            }
                        }
                    }
                }
                throw new AssertionError("no text/plain part");
            }
            return (String) content;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier done) {
        await(what, done, Duration.ofSeconds(90));
    }

    private static void await(String what, BooleanSupplier done, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(what + ": not within " + patience.toSeconds() + " s");
    }
}
