package dev.herald.notification;

import dev.herald.infra.embedded.MovableClock;
import dev.herald.infra.embedded.TestTokens;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The service sending mail to a real SMTP server in the test JVM, with mail retries and digest passes
 * shrunk to fractions of a second and a clock the test can move forward to close digest windows.
 */
@Import(MailComponentTest.Clocks.class)
@TestPropertySource(properties = {
        "herald.notification.email.poll-interval=50ms",
        "herald.notification.email.initial-backoff=100ms",
        "herald.notification.email.multiplier=2",
        "herald.notification.email.max-backoff=500ms",
        "herald.notification.email.max-attempts=20",
        "herald.notification.email.from=Herald 通知 <noreply@herald.test>",
        "herald.notification.digest.poll-interval=100ms",
        "herald.notification.digest.grace=1s"})
public abstract class MailComponentTest extends ComponentTest {

    protected static final TestMailServer mailServer = TestMailServer.shared();
    /** Far enough to close the open hourly window whatever the minute now. */
    protected static final Duration PAST_THE_HOUR = Duration.ofMinutes(61);

    @Autowired
    protected MovableClock clock;
    @Autowired
    protected MongoTemplate mongo;

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", mailServer::port);
    }

    protected static String address() {
        return "reader-" + token() + "@example.org";
    }

    protected List<TestMailServer.Mail> mailsTo(String address) {
        return mailServer.to(address);
    }

    protected TestMailServer.Mail awaitMail(String address, int nth) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() >= nth);
        return mailsTo(address).get(nth - 1);
    }

    /** Subscribes the address, waits for the confirmation mail and confirms through its link, as its owner's button does. */
    protected String confirmedEmailSubscription(String subscriber, String address, String filter, String frequency) {
        String id = subscribed(subscriber, """
                {"filter":%s,"delivery":{"type":"EMAIL","email":"%s"}%s}"""
                .formatted(filter, address, frequency == null ? "" : ",\"frequency\":" + frequency));
        TestMailServer.Mail confirmation = awaitMail(address, 1);
        assertThat(follow("POST", link(confirmation.text(), "/api/email-verification"))).hasStatusOk();
        assertThat(http.get().uri("/api/subscriptions/{id}", id).with(TestTokens.subscriber(subscriber)))
                .hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("ACTIVE");
        return id;
    }

    /** The first link in the text to the given path of this service. */
    protected static String link(String text, String path) {
        Matcher m = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_.-]+").matcher(text);
        assertThat(m.find()).as("a link to %s in %s", path, text).isTrue();
        return m.group();
    }

    /** Requests the link the way a reader's browser or mail client does: without a token. */
    protected MvcTestResult follow(String method, String link) {
        URI uri = URI.create(link);
        String pathAndQuery = uri.getRawPath() + "?" + uri.getRawQuery();
        return "POST".equals(method)
                ? http.post().uri(URI.create(pathAndQuery)).contentType("application/x-www-form-urlencoded")
                        .content("List-Unsubscribe=One-Click").exchange()
                : http.get().uri(URI.create(pathAndQuery)).exchange();
    }

    /** What the e-mail channel owes or owed for the subscription, as stored. */
    protected List<Document> mailsOwed(String subscriptionId) {
        return mongo.find(query(where("subscriptionId").is(subscriptionId)), Document.class, "email_messages");
    }
}
