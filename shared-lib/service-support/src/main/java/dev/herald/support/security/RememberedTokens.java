package dev.herald.support.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers the tokens a decoder accepted, so a client sending the same token again is not checked against
 * its signature again. A caller keeps one token for its whole life (a moderator's session, a unit's
 * integration), and the RSA check was a fifth of the CPU of a moderation request: the services run with the
 * C1 compiler alone, which has none of the big-number intrinsics RSA leans on.
 *
 * <p>Only what the decoder accepted is kept, under the token's exact text, so nothing can be added by a
 * token that is forged, altered or refused. Everything the decoder checks besides the timestamps is a fact of
 * the signed text (issuer, audience, claims); the timestamps are checked again at every use, with the same
 * allowance, so a remembered token stops working when it expires. A token is remembered for five minutes at
 * most, as long as the decoder keeps the issuer's key set: a key the issuer withdraws stops its tokens as soon as
 * it did without this memory. A full map is emptied rather than searched for the oldest entry: it then fills
 * again with the tokens in use.
 */
public final class RememberedTokens implements JwtDecoder {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

    private final JwtDecoder decoder;
    private final JwtTimestampValidator timestamps;
    private final int capacity;
    private final Clock clock;
    private final ConcurrentMap<String, Accepted> accepted = new ConcurrentHashMap<>();

    private record Accepted(Jwt jwt, java.time.Instant until) {
    }

    public RememberedTokens(JwtDecoder decoder, int capacity, Duration clockSkew, Clock clock) {
        this.decoder = decoder;
        this.capacity = capacity;
        this.clock = clock;
        this.timestamps = new JwtTimestampValidator(clockSkew);
        this.timestamps.setClock(clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Accepted known = accepted.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.until()) && !timestamps.validate(known.jwt()).hasErrors()) {
                return known.jwt();
            }
            // expired, or kept long enough: the decoder judges it afresh, and refuses it in its own words
            accepted.remove(token);
        }
        Jwt jwt = decoder.decode(token);
        if (capacity > 0) {
            if (accepted.size() >= capacity) {
                accepted.clear();
            }
            accepted.put(token, new Accepted(jwt, clock.instant().plus(REMEMBERED_FOR)));
        }
        return jwt;
    }

    /** Tokens remembered now, for tests. */
    int size() {
        return accepted.size();
    }
}
