package dev.herald.notification.egress;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Which otherwise refused addresses webhooks may reach. Both default to none: a subscriber's URL must
 * not turn the service into a way into its own network.
 *
 * @param allowLoopback   permit 127.0.0.0/8 and ::1 (tests, and a receiver on the same machine under {@code ./herald up})
 * @param allowedNetworks address blocks permitted even though private, e.g. {@code 10.20.0.0/16} for an in-house receiver
 */
@ConfigurationProperties("herald.notification.webhook")
public record EgressProperties(Boolean allowLoopback, List<String> allowedNetworks) {

    public EgressProperties {
        allowLoopback = allowLoopback != null && allowLoopback;
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
    }
}
