package dev.herald.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers 429 with Retry-After when a client exceeds a configured rate on a limited endpoint. A client
 * is the authenticated caller when there is one (it runs after authentication), else its address.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final List<RateLimitProperties.Rule> rules;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(RateLimitProperties properties, Clock clock) {
        this.rules = properties.rules();
        this.maxClients = properties.maxClients();
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (int i = 0; i < rules.size(); i++) {
            RateLimitProperties.Rule rule = rules.get(i);
            if (rule.matches(request.getMethod(), path)) {
                long waitMillis = bucket(i + "|" + client(request), rule).take(clock.millis());
                if (waitMillis > 0) {
                    refuse(response, waitMillis);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static String client(HttpServletRequest request) {
        java.security.Principal caller = request.getUserPrincipal();
        return caller != null ? "caller:" + caller.getName() : "address:" + request.getRemoteAddr();
    }

    private TokenBucket bucket(String key, RateLimitProperties.Rule rule) {
        if (buckets.size() >= maxClients) {
            // a flood of distinct clients must not grow memory without bound: full buckets are forgettable
            long now = clock.millis();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new TokenBucket(rule.burst(), rule.perMinute(), clock.millis()));
    }

    private static void refuse(HttpServletResponse response, long waitMillis) throws IOException {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "rate limit exceeded; retry after " + seconds + " s");
    }
}
