package dev.herald.ingest.fetch;

import dev.herald.support.egress.EgressGuard;
import dev.herald.support.egress.GuardedDnsResolver;
import dev.herald.support.egress.OutboundUrl;
import dev.herald.support.egress.RefusedAddressException;
import jakarta.annotation.PreDestroy;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches a page or feed a unit points at. Every connection, redirects included, goes only to addresses
 * the egress guard passed (the same guard as webhooks), the whole fetch has a deadline against servers
 * that trickle, and nothing larger than the limit is read.
 */
@Component
public class PageFetcher {

    private final CloseableHttpClient http;
    private final FetchProperties properties;
    private final EgressGuard guard;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("fetch-deadlines").daemon().factory());

    PageFetcher(FetchProperties properties) {
        this.properties = properties;
        this.guard = new EgressGuard(properties.allowLoopback(), properties.allowedNetworks(), "page imports", properties.publicPorts());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setMaxConnTotal(20).setMaxConnPerRoute(4)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.timeout())).build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.timeout()))
                        .setMaxRedirects(properties.maxRedirects())
                        .setCircularRedirectsAllowed(false).build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(properties.userAgent())
                .build();
    }

    /** Checks the form of a URL a unit gave, as every URL the platform calls out to: http(s), a host, no credentials. */
    public static URI parse(String url) {
        try {
            return OutboundUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new FetchFailedException("'" + url + "' " + e.getMessage());
        }
    }

    /**
     * Checks a URL a unit gives to be fetched later, as a feed: its form, and, when its host is an address
     * literal, that the guard lets imports reach it, so a feed on a private or metadata address is refused
     * when registered rather than stored to fail at every poll. A name is not resolved here, on the
     * request's thread: each fetch resolves it and checks the addresses it connects to.
     */
    public URI target(String url) {
        URI uri = parse(url);
        String host = uri.getHost();
        if (host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            try {
                guard.resolve(host);
            } catch (dev.herald.support.egress.RefusedAddressException e) {
                throw new FetchFailedException(e.getMessage());
            } catch (java.net.UnknownHostException | IllegalArgumentException e) {
                throw new FetchFailedException("'" + host + "' is not a valid address");
            }
        }
        return uri;
    }

    public FetchedPage fetch(String url) {
        URI uri = parse(url);
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.9,*/*;q=0.5");
        HttpClientContext context = HttpClientContext.create();
        AtomicBoolean overran = new AtomicBoolean();
        long deadline = properties.connectTimeout().plus(properties.timeout()).toMillis();
        ScheduledFuture<?> watchdog = deadlines.schedule(() -> {
            overran.set(true);
            get.cancel();
        }, deadline, TimeUnit.MILLISECONDS);
        try {
            return http.execute(get, context, response -> read(response, finalUrl(context, uri)));
        } catch (RefusedAddressException e) {
            throw new FetchFailedException(e.getMessage());
        } catch (UnknownHostException e) {
            throw new FetchFailedException("the host " + uri.getHost() + " does not resolve");
        } catch (SocketTimeoutException e) {
            throw new FetchFailedException("the server did not answer within " + properties.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw new FetchFailedException(overran.get() ? "the fetch took longer than " + deadline + " ms"
                    : "the fetch failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            watchdog.cancel(false);
        }
    }

    private FetchedPage read(ClassicHttpResponse response, String finalUrl) throws IOException {
        int status = response.getCode();
        if (status < 200 || status >= 300) {
            throw new FetchFailedException("the server answered " + status + " for " + finalUrl);
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw new FetchFailedException("the server answered with no content");
        }
        long limit = properties.maxBytes().toBytes();
        if (entity.getContentLength() > limit) {
            throw new FetchFailedException("the page is " + entity.getContentLength() + " bytes, more than the limit of " + limit);
        }
        ContentType type = entity.getContentType() == null ? null : ContentType.parseLenient(entity.getContentType());
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > limit) {
                    throw new FetchFailedException("the page is larger than the limit of " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
            Charset charset = type == null ? null : type.getCharset();
            return new FetchedPage(finalUrl, type == null ? null : type.getMimeType().toLowerCase(Locale.ROOT), charset, out.toByteArray());
        }
    }

    private static String finalUrl(HttpClientContext context, URI requested) {
        var locations = context.getRedirectLocations();
        return locations == null || locations.size() == 0 ? requested.toString() : locations.get(locations.size() - 1).toString();
    }

    @PreDestroy
    void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }
}
