package dev.herald.console.signin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

import java.util.List;

/**
 * Who is signed in, as the pages need it: to greet them and to offer only the pages of their roles. What
 * they may actually do is decided by the services, from the token.
 *
 * @param name  the account id (the token's subject)
 * @param unit  the unit a UNIT account acts for; null otherwise
 */
public record Person(String name, List<String> roles, String unit) {

    public static Person of(Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken token)) {
            return null;
        }
        List<String> roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
        Object unit = token.getPrincipal().getAttributes().get("unit");
        return new Person(token.getName(), roles, unit == null ? null : unit.toString());
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean moderates() {
        return is("MODERATOR") || is("LEADER") || is("ADMIN");
    }
}
