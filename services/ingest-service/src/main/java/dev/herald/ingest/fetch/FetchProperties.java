package dev.herald.ingest.fetch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the service fetches the pages and feeds units point it at.
 *
 * @param allowLoopback   permit 127.0.0.0/8 and ::1 (tests, ./herald up); refused otherwise like every private address
 * @param allowedNetworks private blocks permitted all the same, e.g. an intranet site {@code 10.20.0.0/16}
 * @param maxBytes        a page or feed larger than this is refused rather than read into memory
 * @param maxRedirects    redirects followed, each to an address the guard checks again
 * @param allowedPorts    ports a public host may be called on besides 80 and 443 (a site served on 8080, say);
 *                        none by default, as other ports of a public host are how a URL probes services never
 *                        meant for the web. Loopback and allowed networks, when opened, take any port
 */
@ConfigurationProperties("herald.ingest.fetch")
public record FetchProperties(Boolean allowLoopback, List<String> allowedNetworks, Duration connectTimeout,
                              Duration timeout, DataSize maxBytes, Integer maxRedirects, String userAgent,
                              List<Integer> allowedPorts) {

    public FetchProperties {
        allowLoopback = allowLoopback != null && allowLoopback;
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
        maxBytes = maxBytes == null ? DataSize.ofMegabytes(5) : maxBytes;
        maxRedirects = maxRedirects == null ? 5 : maxRedirects;
        userAgent = userAgent == null ? "Herald-Import/1.0" : userAgent;
        allowedPorts = allowedPorts == null ? List.of() : List.copyOf(allowedPorts);
        if (allowedPorts.stream().anyMatch(p -> p < 1 || p > 65_535)) {
            throw new IllegalArgumentException("herald.ingest.fetch.allowed-ports must be ports (1-65535)");
        }
    }

    /** The ports a public host may be called on: the web's, and the ones configured besides. */
    Set<Integer> publicPorts() {
        Set<Integer> ports = new TreeSet<>(List.of(80, 443));
        ports.addAll(allowedPorts);
        return ports;
    }
}
