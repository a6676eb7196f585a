package dev.herald.ingest.fetch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * How the service fetches the pages and feeds units point it at.
 *
 * @param allowLoopback   permit 127.0.0.0/8 and ::1 (tests, ./herald up); refused otherwise like every private address
 * @param allowedNetworks private blocks permitted all the same, e.g. an intranet site {@code 10.20.0.0/16}
 * @param maxBytes        a page or feed larger than this is refused rather than read into memory
 * @param maxRedirects    redirects followed, each to an address the guard checks again
 */
@ConfigurationProperties("herald.ingest.fetch")
public record FetchProperties(Boolean allowLoopback, List<String> allowedNetworks, Duration connectTimeout,
                              Duration timeout, DataSize maxBytes, Integer maxRedirects, String userAgent) {

    public FetchProperties {
        allowLoopback = allowLoopback != null && allowLoopback;
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
        maxBytes = maxBytes == null ? DataSize.ofMegabytes(5) : maxBytes;
        maxRedirects = maxRedirects == null ? 5 : maxRedirects;
        userAgent = userAgent == null ? "Herald-Import/1.0" : userAgent;
    }
}
