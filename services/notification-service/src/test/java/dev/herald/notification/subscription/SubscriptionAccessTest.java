package dev.herald.notification.subscription;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.notification.ComponentTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Only a subscriber's token opens the subscription and subscriber-inbox endpoints (a unit reads only
 * its own notices, elsewhere). Without a token, or with another role's, every such endpoint refuses
 * before anything is looked up or stored.
 */
class SubscriptionAccessTest extends ComponentTest {

    private record Endpoint(HttpMethod method, String uri) {
    }

    private static final List<Endpoint> EVERY_ENDPOINT = List.of(
            new Endpoint(HttpMethod.POST, "/api/subscriptions"),
            new Endpoint(HttpMethod.GET, "/api/subscriptions/sub-any"),
            new Endpoint(HttpMethod.DELETE, "/api/subscriptions/sub-any"),
            new Endpoint(HttpMethod.GET, "/api/subscriptions"),
            new Endpoint(HttpMethod.PUT, "/api/subscriptions/sub-any"),
            new Endpoint(HttpMethod.POST, "/api/subscriptions/sub-any/pause"),
            new Endpoint(HttpMethod.POST, "/api/subscriptions/sub-any/resume"),
            new Endpoint(HttpMethod.GET, "/api/subscribers/reader-any/notifications"),
            new Endpoint(HttpMethod.GET, "/api/subscribers/reader-any/notifications/stream"),
            new Endpoint(HttpMethod.POST, "/api/subscribers/reader-any/notifications/read"),
            new Endpoint(HttpMethod.GET, "/api/notifications/ntf-any/deliveries"));

    private static final Map<String, RequestPostProcessor> OTHER_ROLES = Map.of(
            "UNIT", TestTokens.unit("南宁市中医医院党委"),
            "MODERATOR", TestTokens.moderator("wang.fang"),
            "ADMIN", TestTokens.admin());

    @Autowired
    SubscriptionRepository subscriptions;

    @Test
    void withoutATokenEveryEndpointAnswers401AsProblemJsonAndNothingIsStored() {
        String unit = "单位-" + token();

        for (Endpoint endpoint : EVERY_ENDPOINT) {
            MvcTestResult result = request(endpoint, unit).exchange();

            assertThat(result).as(endpoint.toString()).hasStatus(401)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            assertThat(result).as(endpoint.toString()).bodyJson().extractingPath("$.title").isEqualTo("Unauthorized");
        }
        assertThat(storedFor(unit)).isEmpty();
    }

    @Test
    void aBearerTokenThatIsNotAJwtIsAnswered401() {
        for (Endpoint endpoint : EVERY_ENDPOINT) {
            assertThat(request(endpoint, "单位-" + token()).header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"))
                    .as(endpoint.toString()).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void unitModeratorAndAdminTokensAreAnswered403AsProblemJsonAndNothingIsStored() {
        String unit = "单位-" + token();

        OTHER_ROLES.forEach((role, token) -> {
            for (Endpoint endpoint : EVERY_ENDPOINT) {
                MvcTestResult result = request(endpoint, unit).with(token).exchange();

                assertThat(result).as(role + " " + endpoint).hasStatus(403)
                        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(result).as(role + " " + endpoint).bodyJson().extractingPath("$.title").isEqualTo("Forbidden");
            }
        });
        assertThat(storedFor(unit)).isEmpty();
    }

    @Test
    void aSubscriberTokenThatNamesNoSubscriberActsForNobodyAndIsAnswered403() {
        String unit = "单位-" + token();
        RequestPostProcessor nameless = jwt().jwt(t -> t.subject("subscriber-account").claim("roles", List.of("SUBSCRIBER")))
                .authorities(new SimpleGrantedAuthority("ROLE_SUBSCRIBER"));

        for (Endpoint endpoint : EVERY_ENDPOINT) {
            MvcTestResult result = request(endpoint, unit).with(nameless).exchange();

            assertThat(result).as(endpoint.toString()).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).as(endpoint.toString()).bodyJson().extractingPath("$.detail")
                    .isEqualTo("the token names no subscriber");
        }
        assertThat(storedFor(unit)).isEmpty();
    }

    /** The request for an endpoint; creating carries a valid body, so only the token can be what is refused. */
    private MockMvcRequestBuilder request(Endpoint endpoint, String unit) {
        MockMvcRequestBuilder request = http.method(endpoint.method()).uri(endpoint.uri());
        return endpoint.method() == HttpMethod.POST || endpoint.method() == HttpMethod.PUT
                ? request.contentType(MediaType.APPLICATION_JSON).content("""
                        {"filter":{"units":["%s"]},"delivery":{"type":"INBOX"}}""".formatted(unit))
                : request;
    }

    private List<Subscription> storedFor(String unit) {
        return subscriptions.findAll().stream().filter(s -> s.filter().units().contains(unit)).toList();
    }
}
