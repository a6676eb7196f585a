package dev.herald.support.web;

import dev.herald.support.egress.Cidr;
import jakarta.servlet.http.HttpServletRequest;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address a request comes from. Forwarding headers are believed only when the peer that sent the
 * request is a trusted proxy: anyone else could name any address in them and so get a fresh allowance
 * with every request. Behind trusted proxies the client is the last hop, read from the right, that is
 * not itself a trusted proxy; each proxy appends the address it saw, so everything to its left may be made up.
 */
public final class ClientAddress {

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9a-fA-F]*:[0-9a-fA-F:.]*");

    private final List<Cidr> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = hops(request);
        Collections.reverse(hops);
        for (String hop : hops) {
            InetAddress address = literal(hop);
            if (address == null) {
                // a trusted proxy would not write this; nothing to its left can be believed either
                return peer;
            }
            if (!trustedProxies.stream().anyMatch(block -> block.contains(address))) {
                return address.getHostAddress();
            }
        }
        return hops.isEmpty() ? peer : literal(hops.getLast()).getHostAddress();
    }

    private boolean trusted(String peer) {
        InetAddress address = literal(peer);
        return address != null && trustedProxies.stream().anyMatch(block -> block.contains(address));
    }

    /** The forwarded-for hops, first (the original client, as claimed) to last; RFC 7239's header wins over the older one. */
    private static List<String> hops(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        var forwarded = request.getHeaders("Forwarded");
        while (forwarded != null && forwarded.hasMoreElements()) {
            for (String element : forwarded.nextElement().split(",")) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("for")) {
                        hops.add(pair.substring(eq + 1).strip());
                    }
                }
            }
        }
        if (!hops.isEmpty()) {
            return hops;
        }
        var xff = request.getHeaders("X-Forwarded-For");
        while (xff != null && xff.hasMoreElements()) {
            for (String hop : xff.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    /** An IP literal as a forwarding header writes it ({@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code "[2001:db8::1]:4711"}), or null. */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            value = end < 0 ? "" : value.substring(1, end);
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            value = value.substring(0, value.indexOf(':'));
        }
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            // only literals: a name here must never make the limiter ask DNS
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
