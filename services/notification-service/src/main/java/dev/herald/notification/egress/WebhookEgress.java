package dev.herald.notification.egress;

import dev.herald.support.egress.EgressGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The guard every webhook URL and call goes through, with the exceptions this service's configuration opens. */
@Configuration(proxyBeanMethods = false)
class WebhookEgress {

    @Bean
    EgressGuard webhookEgressGuard(EgressProperties properties) {
        return new EgressGuard(properties.allowLoopback(), properties.allowedNetworks(), "webhooks");
    }
}
