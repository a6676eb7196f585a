package dev.herald.notification.subscription;

import dev.herald.support.egress.EgressGuard;
import dev.herald.support.egress.RefusedAddressException;
import dev.herald.support.web.InvalidRequestException;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Accepts only absolute http(s) URLs with a host that the egress guard lets webhooks reach. A name is
 * resolved now and refused if any of its addresses is; a name that does not resolve yet is accepted,
 * because every call resolves it again and checks the addresses it connects to.
 */
@Component
class WebhookUrl {

    static final String FIELD = "delivery.url";

    private final EgressGuard guard;

    WebhookUrl(EgressGuard guard) {
        this.guard = guard;
    }

    String check(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException(FIELD, "is required for WEBHOOK delivery");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(FIELD, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidRequestException(FIELD, "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidRequestException(FIELD, "must name a host");
        }
        checkAddresses(uri.getHost());
        return uri.toString();
    }

    private void checkAddresses(String host) {
        if (host.contains("%")) {
            // a zone names one of this machine's interfaces: meaningless for a subscriber's endpoint
            throw new InvalidRequestException(FIELD, "must not name a network interface (zone id)");
        }
        try {
            guard.resolve(host);
        } catch (RefusedAddressException e) {
            throw new InvalidRequestException(FIELD, "must not point at this network: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(FIELD, "is not a valid address");
        } catch (UnknownHostException notResolvableNow) {
            if (host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                throw new InvalidRequestException(FIELD, "is not a valid address");
            }
        }
    }
}
