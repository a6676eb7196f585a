package dev.herald.console.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Where the console finds the platform, and how it shows it. Every URL can be moved with an environment
 * variable ({@code HERALD_CONSOLE_INGESTURL}, {@code HERALD_CONSOLE_ISSUERURL}, ...).
 *
 * @param ingestUrl       ingest-service, for units' reports
 * @param moderationUrl   moderation-service, for the review queue
 * @param searchUrl       search-service, for readers
 * @param notificationUrl notification-service, for what became of a unit's reports
 * @param issuerUrl       the OAuth2/OIDC issuer people sign in at (the local auth-server, or Keycloak's realm)
 * @param publicUrl       where people reach this console: the issuer sends them back to its callback under it,
 *                        which must match the client's registration exactly
 * @param clientId        the console's client at the issuer (public, authorization code with PKCE)
 * @param zone            the platform's zone, in which every date is shown
 * @param timeout         how long a page waits for a service before saying it is unavailable
 * @param pageSize        rows per page of search results and of the queue
 * @param streamLength    how long one relayed live stream (the subscriber's inbox) stays open; the browser then
 *                        reconnects, and the person's token is looked at again
 * @param claimRenewal    how often an open review page renews its moderator's claim through moderation; well inside
 *                        moderation's lease (15 minutes), since every renewal is a line of the review's audit trail
 */
@ConfigurationProperties("herald.console")
public record ConsoleProperties(URI ingestUrl, URI moderationUrl, URI searchUrl, URI notificationUrl, URI issuerUrl,
                                URI publicUrl, String clientId, ZoneId zone, Duration timeout, int pageSize,
                                Duration streamLength, Duration claimRenewal) {

    public ConsoleProperties {
        ingestUrl = ingestUrl == null ? URI.create("http://127.0.0.1:8081") : ingestUrl;
        moderationUrl = moderationUrl == null ? URI.create("http://127.0.0.1:8082") : moderationUrl;
        searchUrl = searchUrl == null ? URI.create("http://127.0.0.1:8083") : searchUrl;
        notificationUrl = notificationUrl == null ? URI.create("http://127.0.0.1:8084") : notificationUrl;
        issuerUrl = issuerUrl == null ? URI.create("http://127.0.0.1:9000") : issuerUrl;
        publicUrl = publicUrl == null ? URI.create("http://127.0.0.1:8080") : publicUrl;
        clientId = clientId == null || clientId.isBlank() ? "herald-console" : clientId;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        pageSize = pageSize <= 0 ? 10 : Math.min(pageSize, 100);
        // the notification service keeps a stream open for at most an hour
        streamLength = streamLength == null || streamLength.isNegative() || streamLength.isZero() ? Duration.ofMinutes(5)
                : streamLength.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : streamLength;
        // htmx counts in whole seconds; a renewal more often than every 10 s would flood the audit trail
        claimRenewal = claimRenewal == null ? Duration.ofMinutes(5)
                : claimRenewal.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : claimRenewal;
    }

    /** The issuer without a trailing slash, so endpoint paths can be appended. */
    public String issuer() {
        return issuerUrl.toString().replaceAll("/+$", "");
    }

    public String publicBase() {
        return publicUrl.toString().replaceAll("/+$", "");
    }
}
