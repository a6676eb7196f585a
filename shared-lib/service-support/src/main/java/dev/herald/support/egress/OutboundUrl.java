package dev.herald.support.egress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The form every URL a user gives the platform to call must have (a webhook, a page or feed to import),
 * checked without resolving anything, so it can run on a request thread: an absolute http(s) URL naming a
 * host, without credentials (they would travel with every call and sit in logs) and without an IPv6 zone
 * (it names one of this machine's interfaces). Where the host leads is the {@link EgressGuard}'s to decide,
 * when the call is made.
 */
public final class OutboundUrl {

    private OutboundUrl() {
    }

    /** @throws IllegalArgumentException saying what is wrong, as a phrase ("must be an http or https URL") */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry credentials");
        }
        if (uri.getHost().contains("%")) {
            throw new IllegalArgumentException("must not name a network interface (zone id)");
        }
        return uri;
    }
}
