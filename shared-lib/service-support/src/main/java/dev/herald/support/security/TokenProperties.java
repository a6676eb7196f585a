package dev.herald.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * What an access token must carry beyond a good signature and issuer.
 *
 * @param audience  the {@code aud} every token must name: a token the same issuer made for another
 *                  application is not one for Herald
 * @param clockSkew how far the issuer's clock may be from ours when expiry and not-before are checked
 * @param remembered how many accepted tokens a service keeps, so their signatures are not checked at every request
 *                   ({@link RememberedTokens}); 0 checks every time
 */
@ConfigurationProperties("herald.security.token")
public record TokenProperties(String audience, Duration clockSkew, Integer remembered) {

    public TokenProperties {
        audience = audience == null || audience.isBlank() ? "herald" : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        remembered = remembered == null ? 10_000 : remembered;
    }
}
