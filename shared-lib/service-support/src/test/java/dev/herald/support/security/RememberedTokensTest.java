package dev.herald.support.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberedTokensTest {

    static final RSAKey ISSUER_KEY = key();
    static final Duration SKEW = Duration.ofSeconds(30);

    Instant now = Instant.parse("2026-12-06T09:00:00Z");
    final MovableClock clock = new MovableClock();
    final AtomicInteger signatureChecks = new AtomicInteger();
    final NimbusJwtDecoder nimbus = nimbus();
    final JwtDecoder counted = token -> {
        signatureChecks.incrementAndGet();
        return nimbus.decode(token);
    };

    @Test
    void aTokenAcceptedOnceIsAcceptedAgainWithoutCheckingItsSignatureAgain() {
        RememberedTokens tokens = remembering(100);
        String token = sign(ISSUER_KEY, now.plusSeconds(600));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("moderator-1");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("moderator-1");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("moderator-1");

        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedEveryTimeAndNeverRemembered() {
        RememberedTokens tokens = remembering(100);
        String forged = sign(key(), now.plusSeconds(600));

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);

        assertThat(signatureChecks).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpiredBeyondTheAllowedSkew() {
        RememberedTokens tokens = remembering(100);
        String token = sign(ISSUER_KEY, now.plusSeconds(60));
        tokens.decode(token);

        clock.advance(Duration.ofSeconds(60 + 29));
        assertThat(tokens.decode(token).getSubject()).as("within the allowance").isEqualTo("moderator-1");

        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenIsCheckedAgainAfterFiveMinutesSoAKeyTheIssuerWithdrewStopsItsTokensAsBefore() {
        RememberedTokens tokens = remembering(100);
        String token = sign(ISSUER_KEY, now.plusSeconds(3600));
        tokens.decode(token);

        clock.advance(Duration.ofMinutes(4));
        tokens.decode(token);
        assertThat(signatureChecks).hasValue(1);

        clock.advance(Duration.ofMinutes(2));
        tokens.decode(token);
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aFullMemoryIsEmptiedAndFillsAgainWithTheTokensInUse() {
        RememberedTokens tokens = remembering(3);
        for (int i = 0; i < 3; i++) {
            tokens.decode(sign(ISSUER_KEY, now.plusSeconds(600 + i)));
        }
        assertThat(tokens.size()).isEqualTo(3);

        String fourth = sign(ISSUER_KEY, now.plusSeconds(700));
        tokens.decode(fourth);
        tokens.decode(fourth);

        assertThat(tokens.size()).isEqualTo(1);
        assertThat(signatureChecks).hasValue(4);
    }

    @Test
    void withNoRoomEveryRequestIsChecked() {
        RememberedTokens tokens = remembering(0);
        String token = sign(ISSUER_KEY, now.plusSeconds(600));

        tokens.decode(token);
        tokens.decode(token);

        assertThat(signatureChecks).hasValue(2);
    }

    private RememberedTokens remembering(int capacity) {
        return new RememberedTokens(counted, capacity, SKEW, clock);
    }

    private NimbusJwtDecoder nimbus() {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(ISSUER_KEY.toRSAPublicKey()).build();
            JwtTimestampValidator timestamps = new JwtTimestampValidator(SKEW);
            timestamps.setClock(clock);
            decoder.setJwtValidator(timestamps);
            return decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(RSAKey key, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().subject("moderator-1").issueTime(Date.from(now))
                            .expirationTime(Date.from(expires)).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("issuer").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class MovableClock extends Clock {

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
