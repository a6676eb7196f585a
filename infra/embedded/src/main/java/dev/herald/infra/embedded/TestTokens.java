package dev.herald.infra.embedded;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Callers for MockMvc tests: an authenticated JWT with the claims the local issuer puts in its tokens.
 * Signature and expiry checks are the resource server's own and are covered where real tokens are used.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static RequestPostProcessor unit(String unit) {
        return token("unit:" + unit, "UNIT", "unit", unit);
    }

    /** A unit's own responsible person (本单位审核), who signs off what the unit sends before the platform sees it. */
    public static RequestPostProcessor unitReviewer(String name, String unit) {
        return token(name, "UNIT_REVIEWER", "unit", unit);
    }

    public static RequestPostProcessor subscriber(String subscriber) {
        return token("subscriber:" + subscriber, "SUBSCRIBER", "subscriber", subscriber);
    }

    public static RequestPostProcessor moderator(String name) {
        return token(name, "MODERATOR", null, null);
    }

    /** A leader, who signs reports off (签发) at the workflow stages given to leaders. */
    public static RequestPostProcessor leader(String name) {
        return token(name, "LEADER", null, null);
    }

    public static RequestPostProcessor admin() {
        return token("admin", "ADMIN", null, null);
    }

    private static RequestPostProcessor token(String subject, String role, String claim, String value) {
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role));
        return jwt().jwt(token -> {
            token.subject(subject).claim("roles", List.of(role));
            if (claim != null) {
                token.claim(claim, value);
            }
        }).authorities(authorities);
    }
}
