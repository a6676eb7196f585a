package dev.herald.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-client limits, as token buckets: a client may make {@code burst} requests at once, and its
 * allowance refills at {@code per-minute}. A client is the acting unit, subscriber or subject of an
 * authenticated request, else the address it comes from. Every {@code /api} write is in the
 * {@value #WRITE} group and every anonymous {@code /api} read in {@value #ANONYMOUS_READ}, unless a
 * feature puts its endpoint in a group of its own by declaring an {@link Endpoint} bean. Each group's
 * limit has its default here; {@code herald.rate-limits.groups.<group>.burst} and {@code .per-minute}
 * override one.
 *
 * <p>Buckets live in the memory of one instance: N instances of a service allow N times the rate.
 *
 * @param enabled        {@code false} switches every limit off (for benchmarks); read by the condition on the filter
 * @param groups         the limits by group name; a group named here overrides the default of that name
 * @param trustedProxies the proxies (addresses or blocks such as {@code 10.0.0.0/8}) whose
 *                       {@code Forwarded} and {@code X-Forwarded-For} headers name the client; none by default,
 *                       so a client cannot choose its own address by sending such a header
 * @param maxClients     the most clients whose buckets one group remembers at once
 */
@ConfigurationProperties("herald.rate-limits")
public record RateLimitProperties(Boolean enabled, Map<String, Limit> groups, List<String> trustedProxies, int maxClients) {

    /** Every {@code /api} POST, PUT, PATCH and DELETE no other group claims. */
    public static final String WRITE = "write";
    /** Every {@code /api} GET without a token that no other group claims: articles, suggestions, related, links. */
    public static final String ANONYMOUS_READ = "anonymous-read";
    /** Full-text search, for every caller: generous for people and pages, a brake on scrapers. */
    public static final String SEARCH = "search";
    /** A report submitted, revised or a draft submitted: a unit may send a batch at once, then two a second. */
    public static final String SUBMISSION = "submission";
    /** A page or pasted text turned into a draft, per unit. */
    public static final String IMPORT = "import";
    /** A bulk import is one request for thousands of reports: five at once (room for retries), then one a minute. */
    public static final String BULK_IMPORT = "bulk-import";
    /** A feed registered or polled on demand fetches someone else's server: a few at once, then one every six seconds. */
    public static final String FEED = "feed";
    /** Subscriptions created, per subscriber. */
    public static final String SUBSCRIPTION = "subscription";
    /** Confirmation mails to one address, whoever asks: nobody can use Herald to flood a stranger's mailbox. */
    public static final String CONFIRMATION_MAIL = "confirmation-mail";

    private static final Map<String, Limit> DEFAULTS = Map.of(
            WRITE, new Limit(60, 60),
            ANONYMOUS_READ, new Limit(300, 600),
            SEARCH, new Limit(300, 600),
            SUBMISSION, new Limit(120, 120),
            IMPORT, new Limit(30, 60),
            BULK_IMPORT, new Limit(5, 1),
            FEED, new Limit(5, 10),
            SUBSCRIPTION, new Limit(20, 10),
            // three mails at once (a typo corrected twice), then one an hour
            CONFIRMATION_MAIL, new Limit(3, 1.0 / 60));

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        Map<String, Limit> merged = new LinkedHashMap<>(DEFAULTS);
        if (groups != null) {
            groups.forEach((name, limit) -> merged.merge(known(name), limit, (defaults, configured) -> configured.over(defaults)));
        }
        groups = Map.copyOf(merged);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        maxClients = maxClients <= 0 ? 100_000 : maxClients;
    }

    /**
     * A group's name as the defaults spell it: an environment variable cannot carry the dash, so
     * {@code HERALD_RATELIMITS_GROUPS_ANONYMOUSREAD_BURST} must still reach {@code anonymous-read}.
     */
    private static String known(String name) {
        String canonical = canonical(name);
        return DEFAULTS.keySet().stream().filter(k -> canonical(k).equals(canonical)).findFirst().orElse(name);
    }

    private static String canonical(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The limit of a group; a group nobody configured is a mistake in the code that names it. */
    public Limit group(String name) {
        Limit limit = groups.get(name);
        if (limit == null || limit.burst() <= 0) {
            throw new IllegalStateException("rate-limit group '" + name + "' has no limit; set herald.rate-limits.groups."
                    + name + ".burst and .per-minute");
        }
        return limit;
    }

    /**
     * @param burst     how many requests a client may make at once
     * @param perMinute how fast its allowance refills, in requests a minute (0.1 is one every ten minutes)
     */
    public record Limit(int burst, double perMinute) {

        /** This configured limit over the default one: what it leaves out (0) stays the default's. */
        Limit over(Limit defaults) {
            return new Limit(burst > 0 ? burst : defaults.burst(), perMinute > 0 ? perMinute : defaults.perMinute());
        }
    }

    /**
     * An endpoint a feature puts in a group of its own, declared as a bean.
     *
     * @param method the HTTP method
     * @param path   an Ant-style pattern: {@code *} is one path segment, {@code /**} any rest
     * @param group  the group whose limit applies
     */
    public record Endpoint(String method, String path, String group) {

        private static final org.springframework.util.AntPathMatcher PATHS = new org.springframework.util.AntPathMatcher();

        boolean matches(String requestMethod, String requestPath) {
            return method.equalsIgnoreCase(requestMethod) && PATHS.match(path, requestPath);
        }
    }
}
