package dev.herald.notification.webhook;

import dev.herald.support.egress.EgressGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The guard every webhook URL and call goes through, with the exceptions the webhook settings open
 * ({@code herald.notification.webhook.allow-loopback}, {@code .allowed-networks} and {@code .allowed-ports}).
 */
@Configuration(proxyBeanMethods = false)
class WebhookEgress {

    @Bean
    EgressGuard webhookEgressGuard(WebhookProperties properties) {
        return new EgressGuard(properties.allowLoopback(), properties.allowedNetworks(), "webhooks", properties.publicPorts());
    }
}
