package dev.herald.support.security;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/**
 * Who is acting, as the access token says: the services take the acting unit, subscriber or
 * moderator from here and never from a request body.
 *
 * @param name    the token's subject, e.g. the moderator's account
 * @param unit    the unit a UNIT token acts for, or null
 * @param subscriber the subscriber a SUBSCRIBER token acts for, or null
 */
public record Caller(String name, List<String> roles, String unit, String subscriber) {

    public static Caller current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            List<String> roles = token.getToken().getClaimAsStringList(HeraldSecurity.ROLES_CLAIM);
            return new Caller(token.getToken().getSubject(), roles == null ? List.of() : roles,
                    token.getToken().getClaimAsString("unit"), token.getToken().getClaimAsString("subscriber"));
        }
        throw new IllegalStateException("no authenticated caller; the endpoint's access rule should have required one");
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
