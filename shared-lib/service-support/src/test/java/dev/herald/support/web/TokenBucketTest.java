package dev.herald.support.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    @Test
    void allowsABurstThenRefusesWithTheWaitUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(3, 60, 0); // one token a second

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(1_000);
        assertThat(bucket.take(400)).isEqualTo(600);
    }

    @Test
    void refillsOverTimeButNeverBeyondTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 60, 0);
        bucket.take(0);
        bucket.take(0);

        assertThat(bucket.take(1_000)).isZero();
        assertThat(bucket.isFull(60_000)).isTrue();
        assertThat(bucket.take(60_000)).isZero();
        assertThat(bucket.take(60_000)).isZero();
        assertThat(bucket.take(60_000)).isPositive();
    }

    @Test
    void endpointsMatchByMethodAndAntPattern() {
        var exact = new RateLimitProperties.Endpoint("POST", "/api/reports", "submission");
        var oneSegment = new RateLimitProperties.Endpoint("POST", "/api/reports/*/revisions", "submission");

        assertThat(exact.matches("POST", "/api/reports")).isTrue();
        assertThat(exact.matches("GET", "/api/reports")).isFalse();
        assertThat(exact.matches("POST", "/api/reports/x")).isFalse();
        assertThat(oneSegment.matches("POST", "/api/reports/rpt-1/revisions")).isTrue();
        assertThat(oneSegment.matches("POST", "/api/reports/a/b/revisions")).isFalse();
    }
}
