package dev.herald.support.web;

/** A token bucket refilled continuously; thread-safe. */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerMilli;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, double perMinute, long now) {
        this.capacity = capacity;
        this.tokensPerMilli = perMinute / 60_000.0;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token and returns 0, or returns how many milliseconds until one is available. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return tokensPerMilli <= 0 ? Long.MAX_VALUE / 2 : (long) Math.ceil((1 - tokens) / tokensPerMilli);
    }

    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerMilli);
            updatedAt = now;
        }
    }
}
