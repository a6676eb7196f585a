package dev.herald.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers 429 problem+json with Retry-After when a client exceeds its group's rate. The request's group
 * is the first feature {@link RateLimitProperties.Endpoint} it matches, else {@code write} for an
 * {@code /api} write and {@code anonymous-read} for an {@code /api} read without a token; authenticated
 * reads outside any group are not limited. It runs after authentication, so it knows the caller.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final boolean TOKENS = ClassUtils.isPresent(
            "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken",
            RateLimitFilter.class.getClassLoader());

    private final RateLimitProperties properties;
    private final List<RateLimitProperties.Endpoint> endpoints;
    private final ClientAddress addresses;
    private final Clock clock;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public RateLimitFilter(RateLimitProperties properties, List<RateLimitProperties.Endpoint> endpoints, Clock clock) {
        this.properties = properties;
        this.endpoints = List.copyOf(endpoints);
        this.addresses = new ClientAddress(properties.trustedProxies());
        this.clock = clock;
        // a feature naming a group without a limit fails at start, not on its first request
        endpoints.forEach(endpoint -> properties.group(endpoint.group()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Principal caller = request.getUserPrincipal();
        String group = group(request.getMethod(), path, caller != null);
        if (group != null) {
            long waitMillis = limiters.computeIfAbsent(group,
                    name -> new RateLimiter(properties.group(name), properties.maxClients(), clock)).take(client(request, caller));
            if (waitMillis > 0) {
                refuse(response, waitMillis);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private String group(String method, String path, boolean authenticated) {
        for (RateLimitProperties.Endpoint endpoint : endpoints) {
            if (endpoint.matches(method, path)) {
                return endpoint.group();
            }
        }
        if (!path.startsWith("/api/")) {
            return null;
        }
        if (!READS.contains(method.toUpperCase(java.util.Locale.ROOT))) {
            return RateLimitProperties.WRITE;
        }
        return authenticated ? null : RateLimitProperties.ANONYMOUS_READ;
    }

    /** The acting unit or subscriber, else the token's subject, else the address: one allowance per party. */
    private String client(HttpServletRequest request, Principal caller) {
        if (caller == null) {
            return "address:" + addresses.of(request);
        }
        return TOKENS ? dev.herald.support.security.CallerKey.of(caller) : "subject:" + caller.getName();
    }

    private static void refuse(HttpServletResponse response, long waitMillis) throws IOException {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "rate limit exceeded; retry after " + seconds + " s");
    }
}
