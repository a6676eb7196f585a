package dev.herald.support.egress;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * An HTTP client's only way from a host name to addresses: the guard resolves and checks them, and
 * the client connects to exactly those, so a name that re-resolves to a refused address between the
 * subscription and the call (DNS rebinding) reaches nothing. IP literals pass through here too, and so
 * does the guard's port rule, when it has one.
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final EgressGuard guard;

    public GuardedDnsResolver(EgressGuard guard) {
        this.guard = guard;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return guard.resolve(host);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        InetAddress[] addresses = guard.resolve(host);
        // the port rule holds for the addresses connected to, not those a URL named when it was checked
        guard.checkPort(addresses, port);
        return Arrays.stream(addresses).map(a -> new InetSocketAddress(a, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return guard.resolve(host)[0].getCanonicalHostName();
    }
}
