package dev.herald.support.security;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.security.Principal;

/**
 * Whom a rate limit counts a request against: the unit or subscriber a token acts for, so that every
 * account of one unit shares its allowance, else the token's subject.
 */
public final class CallerKey {

    private CallerKey() {
    }

    public static String of(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            String unit = token.getToken().getClaimAsString("unit");
            if (unit != null && !unit.isBlank()) {
                return "unit:" + unit;
            }
            String subscriber = token.getToken().getClaimAsString("subscriber");
            if (subscriber != null && !subscriber.isBlank()) {
                return "subscriber:" + subscriber;
            }
        }
        return "subject:" + principal.getName();
    }
}
