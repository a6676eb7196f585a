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
    void rulesMatchExactPathsOrPrefixes() {
        var exact = new RateLimitProperties.Rule("POST", "/api/reports", 1, 1);
        var prefix = new RateLimitProperties.Rule("GET", "/api/search/**", 1, 1);

        assertThat(exact.matches("POST", "/api/reports")).isTrue();
        assertThat(exact.matches("GET", "/api/reports")).isFalse();
        assertThat(exact.matches("POST", "/api/reports/x")).isFalse();
        assertThat(prefix.matches("GET", "/api/search/suggest")).isTrue();
    }
}
