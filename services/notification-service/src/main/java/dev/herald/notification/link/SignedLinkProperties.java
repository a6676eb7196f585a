package dev.herald.notification.link;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signingKey    the base64 HMAC key of the signed links; when unset, one made once and kept in the
 *                      service's {@code settings} collection, so every instance signs alike. Set it to share one
 *                      key across deployments
 * @param publicBaseUrl where the links point: the address subscribers reach the service at
 */
@ConfigurationProperties("herald.notification")
public record SignedLinkProperties(String signingKey, String publicBaseUrl) {

    public SignedLinkProperties {
        signingKey = signingKey == null ? "" : signingKey.strip();
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8084" : publicBaseUrl.replaceAll("/+$", "");
    }
}
