package dev.herald.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Per-client limits on chosen endpoints, as token buckets: {@code burst} requests at once, refilled at
 * {@code perMinute}. A client is the token's subject, or the remote address of an anonymous request.
 *
 * @param enabled    {@code false} switches the limits off (for benchmarks); read by the condition on the filter
 * @param rules      the limited endpoints
 * @param maxClients the most clients whose buckets are remembered at once
 */
@ConfigurationProperties("herald.rate-limits")
public record RateLimitProperties(Boolean enabled, List<Rule> rules, int maxClients) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        rules = rules == null ? List.of() : List.copyOf(rules);
        maxClients = maxClients <= 0 ? 100_000 : maxClients;
    }

    /**
     * @param method    the HTTP method the rule applies to
     * @param path      an exact path, or a prefix ending in {@code /**}
     * @param burst     how many requests a client may make at once
     * @param perMinute how fast its allowance refills
     */
    public record Rule(String method, String path, int burst, int perMinute) {

        boolean matches(String requestMethod, String requestPath) {
            if (!method.equalsIgnoreCase(requestMethod)) {
                return false;
            }
            return path.endsWith("/**")
                    ? requestPath.startsWith(path.substring(0, path.length() - 2))
                    : requestPath.equals(path);
        }
    }
}
