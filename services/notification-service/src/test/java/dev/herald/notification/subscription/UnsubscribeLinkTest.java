package dev.herald.notification.subscription;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import dev.herald.notification.link.SignedLinks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed unsubscribe link as mail scanners, browsers and mail clients use it: a GET only asks, a POST
 * (the page's button or RFC 8058 one-click) ends the subscription, and a link that expired, was altered or
 * was made for another action changes nothing.
 */
class UnsubscribeLinkTest extends ComponentTest {

    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    @Autowired
    SignedLinks links;

    @Test
    void aGetShowsAConfirmationPageWithAButtonThatPostsAndEndsNothing() {
        Owned s = subscription();

        MvcTestResult page = http.get().uri("/api/unsubscribe?token={t}", s.token()).accept(MediaType.TEXT_HTML).exchange();
        MvcTestResult scanner = http.get().uri("/api/unsubscribe?token={t}", s.token()).exchange();

        assertThat(page).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(text(page)).contains("确认取消订阅", "<form method=\"post\">",
                "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">");
        assertThat(scanner).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(stillThere(s)).isTrue();
    }

    @Test
    void theOneClickPostOfAMailClientEndsTheSubscription() {
        Owned s = subscription();

        assertThat(oneClick(s.token())).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("unsubscribed");

        assertThat(stillThere(s)).isFalse();
        assertThat(oneClick(s.token())).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("already unsubscribed");
        // the page of a link whose subscription is gone says so rather than offering the button again
        assertThat(text(http.get().uri("/api/unsubscribe?token={t}", s.token()).accept(MediaType.TEXT_HTML).exchange()))
                .contains("已经取消").doesNotContain("<form");
    }

    @Test
    void thePagesButtonEndsTheSubscriptionAndTheBrowserIsShownAPage() {
        Owned s = subscription();

        MvcTestResult done = http.post().uri("/api/unsubscribe?token={t}", s.token()).accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(ONE_CLICK).exchange();

        assertThat(done).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(text(done)).contains("订阅已取消");
        assertThat(stillThere(s)).isFalse();
    }

    @Test
    void anExpiredLinkIsRefusedAndChangesNothing() {
        Owned s = subscription();
        String expired = links.token(SignedLinks.Purpose.UNSUBSCRIBE, s.id(), Instant.now().minus(Duration.ofMinutes(1)));

        assertThat(oneClick(expired)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].message").asString().contains("expired");
        MvcTestResult page = http.get().uri("/api/unsubscribe?token={t}", expired).accept(MediaType.TEXT_HTML).exchange();
        assertThat(page).hasStatus(400).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(text(page)).contains("已过期");

        assertThat(stillThere(s)).isTrue();
        // the same link with its time still to come works: only the expiry refused it
        assertThat(oneClick(links.token(SignedLinks.Purpose.UNSUBSCRIBE, s.id(), Instant.now().plus(Duration.ofMinutes(1)))))
                .hasStatusOk();
    }

    @Test
    void aLinkMadeForAnotherActionOrAlteredIsRefusedAndChangesNothing() {
        Owned s = subscription();
        String confirmLink = links.token(SignedLinks.Purpose.VERIFY_EMAIL, s.id() + "\nreader@example.org");
        String altered = s.token().substring(0, 5) + (s.token().charAt(5) == 'A' ? 'B' : 'A') + s.token().substring(6);

        assertThat(oneClick(confirmLink)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(oneClick(altered)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(oneClick(s.token() + "x")).hasStatus(400);
        MvcTestResult page = http.get().uri("/api/unsubscribe?token={t}", confirmLink).accept(MediaType.TEXT_HTML).exchange();
        assertThat(page).hasStatus(400).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(text(page)).contains("链接无效");
        // and an unsubscribe link confirms no address
        assertThat(http.post().uri("/api/email-verification?token={t}", s.token())).hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(stillThere(s)).isTrue();
    }

    private record Owned(String subscriber, String id, String token) {
    }

    private Owned subscription() {
        String who = "退订-" + token();
        String id = subscribed(who, """
                {"filter":{"keywords":["退订链接"]},"delivery":{"type":"INBOX"}}""");
        return new Owned(who, id, links.unsubscribeUrl(id).replaceAll(".*token=", ""));
    }

    private MvcTestResult oneClick(String token) {
        return http.post().uri("/api/unsubscribe?token={t}", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(ONE_CLICK).exchange();
    }

    private boolean stillThere(Owned s) {
        MvcTestResult found = http.get().uri("/api/subscriptions/{id}", s.id()).with(TestTokens.subscriber(s.subscriber())).exchange();
        return found.getResponse().getStatus() == 200;
    }

    private static String text(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
