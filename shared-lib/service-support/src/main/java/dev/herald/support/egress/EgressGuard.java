package dev.herald.support.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which addresses a service may call on a user's behalf (a subscriber's webhook, a page a unit
 * asks to import). Loopback, private, link-local,
 * shared (carrier-grade NAT), multicast, reserved, unspecified and the other special-purpose addresses of
 * IANA's registries (documentation, benchmarking, protocol assignments, Teredo) are refused unless the
 * configuration allows them, IPv6 included, and an IPv4 address wrapped in IPv6 (mapped, compatible,
 * NAT64, 6to4) is judged as the IPv4 address it reaches.
 */
public class EgressGuard {

    private record Refused(Cidr block, String kind) {
    }

    private static final List<Refused> REFUSED = List.of(
            refused("0.0.0.0/8", "an unspecified"),
            refused("127.0.0.0/8", "a loopback"),
            refused("10.0.0.0/8", "a private"),
            refused("172.16.0.0/12", "a private"),
            refused("192.168.0.0/16", "a private"),
            refused("100.64.0.0/10", "a shared (carrier-grade NAT)"),
            refused("169.254.0.0/16", "a link-local"),
            refused("224.0.0.0/4", "a multicast"),
            refused("240.0.0.0/4", "a reserved"),
            // the rest of IANA's IPv4 special-purpose registry: none of it is a subscriber's or a unit's server
            refused("192.0.0.0/24", "an IETF protocol assignment"),
            refused("192.0.2.0/24", "a documentation"),
            refused("198.51.100.0/24", "a documentation"),
            refused("203.0.113.0/24", "a documentation"),
            refused("198.18.0.0/15", "a benchmarking"),
            refused("192.88.99.0/24", "a 6to4 relay"),
            refused("::/128", "an unspecified"),
            refused("::1/128", "a loopback"),
            refused("fc00::/7", "a private (unique local)"),
            refused("fe80::/10", "a link-local"),
            refused("fec0::/10", "a private (site-local)"),
            refused("ff00::/8", "a multicast"),
            // IANA's IPv6 special-purpose registry; 2001::/23 holds Teredo (2001::/32), whose tunnels reach
            // addresses the guard cannot see, benchmarking and ORCHID
            refused("2001::/23", "an IETF protocol assignment (Teredo, benchmarking, ORCHID)"),
            refused("2001:db8::/32", "a documentation"),
            refused("3fff::/20", "a documentation"),
            refused("100::/64", "a discard-only"),
            refused("64:ff9b:1::/48", "a local-use NAT64"),
            refused("5f00::/16", "a segment-routing"));

    private static final List<Cidr> LOOPBACK = List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1"));
    private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private final List<Cidr> allowed;
    private final boolean allowLoopback;
    private final String caller;
    private final Set<Integer> publicPorts;

    /**
     * A guard that lets any port be called.
     *
     * @param allowLoopback   permit 127.0.0.0/8 and ::1 (tests, and a local platform)
     * @param allowedNetworks address blocks permitted even though private, e.g. {@code 10.20.0.0/16}
     * @param caller          who is refused, for messages: "webhooks", "page imports"
     */
    public EgressGuard(boolean allowLoopback, List<String> allowedNetworks, String caller) {
        this(allowLoopback, allowedNetworks, caller, Set.of());
    }

    /**
     * @param publicPorts the only ports an address the configuration did not open may be called on (other
     *                    ports on a public host are how a URL probes services never meant for the web); an
     *                    opened address may use any. Empty: any port anywhere
     */
    public EgressGuard(boolean allowLoopback, List<String> allowedNetworks, String caller, Set<Integer> publicPorts) {
        this.allowed = (allowedNetworks == null ? List.<String>of() : allowedNetworks).stream().map(Cidr::parse).toList();
        this.allowLoopback = allowLoopback;
        this.caller = caller;
        this.publicPorts = Set.copyOf(publicPorts);
    }

    /** The ports a destination the configuration did not open may be called on; empty when any port may. */
    public Set<Integer> publicPorts() {
        return publicPorts;
    }

    /** Whether the configuration opens any destination (loopback or a network), where other ports may be called. */
    public boolean opensAny() {
        return allowLoopback || !allowed.isEmpty();
    }

    /**
     * Refuses a port outside {@link #publicPorts()} unless every address is one the configuration opened.
     *
     * @throws RefusedAddressException when the port may not be called there
     */
    public void checkPort(InetAddress[] addresses, int port) throws RefusedAddressException {
        if (publicPorts.isEmpty() || publicPorts.contains(port)
                || addresses.length > 0 && Arrays.stream(addresses).allMatch(this::permitted)) {
            return;
        }
        throw new RefusedAddressException("port " + port + " of " + addresses[0].getHostAddress() + ": " + caller
                + " reach a public host on ports " + new TreeSet<>(publicPorts) + " only");
    }

    /** Why the address may not be called, as a phrase for a message ("a loopback"), or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (permitted(address)) {
            return Optional.empty();
        }
        for (Refused r : REFUSED) {
            if (r.block().contains(address)) {
                return Optional.of(r.kind());
            }
        }
        return embeddedIpv4(address).flatMap(this::refusal);
    }

    /**
     * Every address the host resolves to, when the guard permits them all: one refused address refuses
     * the host, since nothing decides which of them a connection would use.
     *
     * @throws RefusedAddressException when an address is refused
     * @throws UnknownHostException    when the host does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(name);
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                String shown = address.getHostAddress();
                throw new RefusedAddressException((name.equals(shown) ? shown : name + " resolves to " + shown)
                        + ", " + refusal.get() + " address, which " + caller + " may not reach");
            }
        }
        return addresses;
    }

    /**
     * Whether the configuration opened this address on purpose (loopback when allowed, an allowed network):
     * a destination the operator trusts, where any port may be called.
     */
    public boolean opened(InetAddress address) {
        return permitted(address);
    }

    private boolean permitted(InetAddress address) {
        return allowed.stream().anyMatch(c -> c.contains(address))
                || allowLoopback && LOOPBACK.stream().anyMatch(c -> c.contains(address));
    }

    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16) {
            return Optional.empty();
        }
        if (MAPPED.contains(address) || COMPATIBLE.contains(address) || NAT64.contains(address)) {
            return Optional.of(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(ipv4(Arrays.copyOfRange(bytes, 2, 6)));
        }
        return Optional.empty();
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Refused refused(String block, String kind) {
        return new Refused(Cidr.parse(block), kind);
    }
}
