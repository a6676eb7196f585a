package dev.herald.notification.link;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param signingKey    the base64 HMAC key of the signed links; when unset, one made once and kept in the
 *                      service's {@code settings} collection, so every instance signs alike. Set it to share one
 *                      key across deployments
 * @param publicBaseUrl where the links point: the address subscribers reach the service at
 * @param linkValidity  how long a signed link works after it was made: a mail forwarded or found in an archive
 *                      stops working after this. 30 days by default; the links in a digest or a retried mail are
 *                      made when the message is owed
 */
@ConfigurationProperties("herald.notification")
public record SignedLinkProperties(String signingKey, String publicBaseUrl, Duration linkValidity) {

    public SignedLinkProperties {
        signingKey = signingKey == null ? "" : signingKey.strip();
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8084" : publicBaseUrl.replaceAll("/+$", "");
        linkValidity = linkValidity == null ? Duration.ofDays(30) : linkValidity;
        if (!linkValidity.isPositive()) {
            throw new IllegalArgumentException("herald.notification.link-validity must be positive");
        }
    }
}
