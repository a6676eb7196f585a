package dev.herald.console.signin;

import dev.herald.console.platform.AccessTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The signed-in person's access token, kept in their session. A token that has expired (or is about to) asks
 * for a new authorization: the person passes by the issuer (silently while signed in there) and comes back
 * to the page they asked for. The console is a public client, so it has no refresh token to use instead.
 */
@Component
class SignedInTokens implements AccessTokens {

    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final OAuth2AuthorizedClientManager clients;
    private final Clock clock = Clock.systemUTC();

    SignedInTokens(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    @Override
    public Optional<String> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken token)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        String registration = token.getAuthorizedClientRegistrationId();
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registration)
                .principal(authentication)
                .attribute(HttpServletRequest.class.getName(), attributes.getRequest())
                .attribute(HttpServletResponse.class.getName(), attributes.getResponse())
                .build());
        if (client == null || client.getAccessToken().getExpiresAt() != null
                && client.getAccessToken().getExpiresAt().isBefore(clock.instant().plus(MARGIN))) {
            throw new ClientAuthorizationRequiredException(registration);
        }
        return Optional.of(client.getAccessToken().getTokenValue());
    }
}
