package dev.herald.notification.subscription;

import dev.herald.support.egress.EgressGuard;
import dev.herald.support.egress.OutboundUrl;
import dev.herald.support.egress.RefusedAddressException;
import dev.herald.support.web.InvalidRequestException;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts only absolute http(s) URLs whose host the egress guard lets webhooks reach, without resolving
 * anything: a DNS lookup on the request thread would hold it for as long as a slow or hostile name server
 * likes. An address written in the URL (and {@code localhost}, which is loopback by definition) is checked
 * now; a name is checked at every call, where the client connects only to addresses the guard passed and
 * on a port it allows. A port other than the public ones ({@code allowed-ports} adds to 80 and 443) is
 * refused now unless the configuration opens some destination a name could lead to.
 */
@Component
class WebhookUrl {

    static final String FIELD = "delivery.url";

    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private final EgressGuard guard;

    WebhookUrl(EgressGuard guard) {
        this.guard = guard;
    }

    String check(String url) {
        URI uri;
        try {
            uri = OutboundUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(FIELD, "is required".equals(e.getMessage())
                    ? "is required for WEBHOOK delivery" : e.getMessage());
        }
        Optional<InetAddress[]> written = addresses(uri.getHost());
        if (written.isPresent()) {
            try {
                for (InetAddress address : written.get()) {
                    guard.refusal(address).ifPresent(kind -> {
                        throw new InvalidRequestException(FIELD, "must not point at this network: "
                                + address.getHostAddress() + " is " + kind + " address");
                    });
                }
                guard.checkPort(written.get(), port(uri));
            } catch (RefusedAddressException e) {
                throw wrongPort();
            }
        } else if (!guard.publicPorts().isEmpty() && !guard.publicPorts().contains(port(uri)) && !guard.opensAny()) {
            throw wrongPort();
        }
        return uri.toString();
    }

    /** The addresses the host names without a lookup: an IP literal, or localhost; empty for any other name. */
    private static Optional<InetAddress[]> addresses(String host) {
        try {
            if (host.startsWith("[")) {
                // an IPv6 literal: parsed, never looked up
                return Optional.of(new InetAddress[]{InetAddress.getByName(host.substring(1, host.length() - 1))});
            }
            Matcher quad = DOTTED_QUAD.matcher(host);
            if (quad.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(quad.group(i + 1));
                    if (octet > 255) {
                        throw new InvalidRequestException(FIELD, "is not a valid address");
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(new InetAddress[]{InetAddress.getByAddress(bytes)});
            }
        } catch (UnknownHostException e) {
            throw new InvalidRequestException(FIELD, "is not a valid address");
        }
        String name = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            // RFC 6761: always loopback, whatever a resolver says
            return Optional.of(new InetAddress[]{InetAddress.getLoopbackAddress()});
        }
        if (name.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            // digits that are no dotted quad (999.1.1.1, 2130706433): resolvers read them in odd ways
            throw new InvalidRequestException(FIELD, "is not a valid address");
        }
        return Optional.empty();
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private InvalidRequestException wrongPort() {
        var ports = new TreeSet<>(guard.publicPorts()).stream().map(String::valueOf).toList();
        String listed = ports.size() == 1 ? ports.getFirst()
                : String.join(", ", ports.subList(0, ports.size() - 1)) + " or " + ports.getLast();
        return new InvalidRequestException(FIELD, "must use port " + listed + " (or none)");
    }
}
