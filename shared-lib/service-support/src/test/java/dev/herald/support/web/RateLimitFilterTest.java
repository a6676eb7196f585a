package dev.herald.support.web;

import dev.herald.infra.embedded.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which allowance a request draws on: its endpoint's group, or the platform's default one for writes
 * and anonymous reads, counted per acting unit or subscriber, else per address, where an address comes
 * from a forwarding header only through a trusted proxy.
 */
class RateLimitFilterTest {

    final MovableClock clock = new MovableClock();

    RateLimitFilter filter(Map<String, RateLimitProperties.Limit> groups, List<String> trustedProxies,
                           RateLimitProperties.Endpoint... endpoints) {
        return new RateLimitFilter(new RateLimitProperties(true, groups, trustedProxies, 0), List.of(endpoints), clock);
    }

    @Test
    void anEndpointGroupOverItsLimitIsA429ProblemWithRetryAfter() throws Exception {
        var filter = filter(Map.of("submission", new RateLimitProperties.Limit(2, 1)), List.of(),
                new RateLimitProperties.Endpoint("POST", "/api/reports", "submission"));

        assertThat(call(filter, post("/api/reports", unit("甲"))).getStatus()).isEqualTo(200);
        assertThat(call(filter, post("/api/reports", unit("甲"))).getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = call(filter, post("/api/reports", unit("甲")));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        clock.advance(java.time.Duration.ofSeconds(60));
        assertThat(call(filter, post("/api/reports", unit("甲"))).getStatus()).isEqualTo(200);
    }

    @Test
    void everyWriteAndEveryAnonymousReadHasALimitWithoutAnEndpointNamingIt() throws Exception {
        var filter = filter(Map.of("write", new RateLimitProperties.Limit(1, 1),
                "anonymous-read", new RateLimitProperties.Limit(1, 1)), List.of());

        assertThat(call(filter, request("DELETE", "/api/drafts/d-1", unit("甲"))).getStatus()).isEqualTo(200);
        assertThat(call(filter, request("PATCH", "/api/feeds/f-1", unit("甲"))).getStatus()).isEqualTo(429);
        assertThat(call(filter, request("GET", "/api/articles/a-1", null)).getStatus()).isEqualTo(200);
        assertThat(call(filter, request("GET", "/api/search/suggest", null)).getStatus()).isEqualTo(429);
        // a signed-in reader is known by name, and reading is not what a limit is for
        assertThat(call(filter, request("GET", "/api/articles/a-1", unit("甲"))).getStatus()).isEqualTo(200);
        assertThat(call(filter, request("GET", "/actuator/health", null)).getStatus()).isEqualTo(200);
    }

    @Test
    void eachUnitAndSubscriberHasItsOwnAllowanceWhateverAddressItComesFrom() throws Exception {
        var filter = filter(Map.of("write", new RateLimitProperties.Limit(1, 1)), List.of());

        assertThat(call(filter, post("/api/feeds", unit("甲"))).getStatus()).isEqualTo(200);
        assertThat(call(filter, post("/api/feeds", unit("甲"))).getStatus()).isEqualTo(429);
        assertThat(call(filter, post("/api/feeds", unit("乙"))).getStatus()).isEqualTo(200);
        assertThat(call(filter, post("/api/subscriptions", subscriber("s-1"))).getStatus()).isEqualTo(200);
        assertThat(call(filter, post("/api/subscriptions", subscriber("s-2"))).getStatus()).isEqualTo(200);
        // another account of the same unit shares the unit's allowance
        var colleague = new JwtAuthenticationToken(Jwt.withTokenValue("t").header("alg", "RS256").subject("另一个账号")
                .claim("unit", "甲").build());
        assertThat(call(filter, post("/api/feeds", colleague)).getStatus()).isEqualTo(429);
    }

    @Test
    void aForwardingHeaderNamesTheClientOnlyWhenATrustedProxySentIt() throws Exception {
        var filter = filter(Map.of("anonymous-read", new RateLimitProperties.Limit(1, 1)), List.of("10.0.0.0/8"));

        // straight from the internet, the header is the client's own claim: it shares its address's allowance
        assertThat(call(filter, anonymous("203.0.113.9", "198.51.100.1")).getStatus()).isEqualTo(200);
        assertThat(call(filter, anonymous("203.0.113.9", "198.51.100.2")).getStatus()).isEqualTo(429);
        // through the trusted proxy, each client named has its own, whoever it claims to be further left
        assertThat(call(filter, anonymous("10.0.0.5", "198.51.100.1")).getStatus()).isEqualTo(200);
        assertThat(call(filter, anonymous("10.0.0.5", "198.51.100.2")).getStatus()).isEqualTo(200);
        assertThat(call(filter, anonymous("10.0.0.5", "1.2.3.4, 198.51.100.2, 10.0.0.7")).getStatus()).isEqualTo(429);
    }

    @Test
    void rfc7239ForwardedIsReadLikeXForwardedFor() {
        var addresses = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/articles/a");
        request.setRemoteAddr("fd00::1");
        request.addHeader("Forwarded", "for=192.0.2.60;proto=http, for=\"[2001:db8:cafe::17]:4711\"");
        request.addHeader("X-Forwarded-For", "198.51.100.77");

        assertThat(addresses.of(request)).isEqualTo("2001:db8:cafe:0:0:0:0:17");
        request.setRemoteAddr("192.0.2.200");
        assertThat(addresses.of(request)).isEqualTo("192.0.2.200");
    }

    @Test
    void aNameWhereAnAddressBelongsIsNeverLookedUp() {
        var addresses = new ClientAddress(List.of("10.0.0.0/8"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/articles/a");
        request.setRemoteAddr("10.0.0.5");
        request.addHeader("X-Forwarded-For", "localhost");

        assertThat(addresses.of(request)).isEqualTo("10.0.0.5");
    }

    @Test
    void aGroupsLimitIsOverriddenByItsNameEvenWithoutTheDashAnEnvironmentVariableCannotCarry() {
        var properties = new RateLimitProperties(true, Map.of("anonymousread", new RateLimitProperties.Limit(7, 0)), null, 0);

        assertThat(properties.group("anonymous-read")).isEqualTo(new RateLimitProperties.Limit(7, 600));
        assertThat(properties.group("write")).isEqualTo(new RateLimitProperties.Limit(60, 60));
    }

    private static MockHttpServletResponse call(RateLimitFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest post(String path, JwtAuthenticationToken caller) {
        return request("POST", path, caller);
    }

    private static MockHttpServletRequest request(String method, String path, JwtAuthenticationToken caller) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("192.0.2.1");
        request.setUserPrincipal(caller);
        return request;
    }

    private static MockHttpServletRequest anonymous(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/articles/a-1");
        request.setRemoteAddr(peer);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }

    private static JwtAuthenticationToken unit(String unit) {
        return token("unit", unit);
    }

    private static JwtAuthenticationToken subscriber(String subscriber) {
        return token("subscriber", subscriber);
    }

    private static JwtAuthenticationToken token(String claim, String value) {
        return new JwtAuthenticationToken(Jwt.withTokenValue("t").header("alg", "RS256").subject("account-" + value)
                .claim(claim, value).build());
    }
}
