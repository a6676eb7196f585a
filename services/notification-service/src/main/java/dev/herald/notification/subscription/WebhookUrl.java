package dev.herald.notification.subscription;

import dev.herald.support.web.InvalidRequestException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Accepts only absolute http(s) URLs with a host: nothing else can be POSTed to. */
final class WebhookUrl {

    static final String FIELD = "delivery.url";

    private WebhookUrl() {
    }

    static String check(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException(FIELD, "is required for WEBHOOK delivery");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(FIELD, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidRequestException(FIELD, "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidRequestException(FIELD, "must name a host");
        }
        return uri.toString();
    }
}
