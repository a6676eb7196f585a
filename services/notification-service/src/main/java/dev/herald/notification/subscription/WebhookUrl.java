package dev.herald.notification.subscription;

import dev.herald.support.egress.EgressGuard;
import dev.herald.support.egress.RefusedAddressException;
import dev.herald.support.web.InvalidRequestException;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;
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
        if (uri.getRawUserInfo() != null) {
            // they would travel with every call and sit in logs; a webhook proves itself by its signature instead
            throw new InvalidRequestException(FIELD, "must not carry credentials");
        }
        InetAddress[] addresses = checkAddresses(uri.getHost());
        int port = uri.getPort();
        boolean opened = addresses.length > 0 && Arrays.stream(addresses).allMatch(guard::opened);
        if (port != -1 && !WEB_PORTS.contains(port) && !opened) {
            // other ports on a public host are how a URL probes services that were never meant for the web
            throw new InvalidRequestException(FIELD, "must use port 80 or 443 (or none)");
        }
        return uri.toString();
    }

    private static final Set<Integer> WEB_PORTS = Set.of(80, 443);

    private InetAddress[] checkAddresses(String host) {
        if (host.contains("%")) {
            // a zone names one of this machine's interfaces: meaningless for a subscriber's endpoint
            throw new InvalidRequestException(FIELD, "must not name a network interface (zone id)");
        }
        try {
            return guard.resolve(host);
        } catch (RefusedAddressException e) {
            throw new InvalidRequestException(FIELD, "must not point at this network: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(FIELD, "is not a valid address");
        } catch (UnknownHostException notResolvableNow) {
            if (host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                throw new InvalidRequestException(FIELD, "is not a valid address");
            }
            return new InetAddress[0];
        }
    }
}
