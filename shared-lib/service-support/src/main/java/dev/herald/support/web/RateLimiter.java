package dev.herald.support.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One group's limit, with a bucket per client. The buckets live in this instance's memory only: a
 * shared store would add a network call to every request for a limit that is a brake, not a quota,
 * so N instances allow N times the rate.
 */
public final class RateLimiter {

    private final RateLimitProperties.Limit limit;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitProperties.Limit limit, int maxClients, Clock clock) {
        this.limit = limit;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Takes one from the client's allowance and returns 0, or returns how many milliseconds until it has one. */
    public long take(String client) {
        if (buckets.size() >= maxClients) {
            // a flood of distinct clients must not grow memory without bound: full buckets are forgettable
            long now = clock.millis();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(client, k -> new TokenBucket(limit.burst(), limit.perMinute(), clock.millis()))
                .take(clock.millis());
    }
}
