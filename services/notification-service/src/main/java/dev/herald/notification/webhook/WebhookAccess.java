package dev.herald.notification.webhook;

import dev.herald.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Subscribers see and replay the deliveries of their own subscriptions; whose they are is checked from the token. */
@Configuration(proxyBeanMethods = false)
class WebhookAccess {

    @Bean
    AccessRules deliveryRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/subscriptions/*/deliveries").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.POST, "/api/deliveries/*/replay").hasRole("SUBSCRIBER");
    }
}
