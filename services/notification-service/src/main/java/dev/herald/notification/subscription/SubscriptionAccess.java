package dev.herald.notification.subscription;

import dev.herald.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Only subscribers use this service: they keep their own subscriptions and read their own inbox.
 * Which subscriber may see what is decided by the code behind each endpoint, from the token.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionAccess {

    @Bean
    AccessRules subscriptionRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/subscriptions").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.GET, "/api/subscriptions/*").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.DELETE, "/api/subscriptions/*").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.GET, "/api/subscribers/*/notifications").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.GET, "/api/notifications/*").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.GET, "/api/notifications/*/deliveries").hasRole("SUBSCRIBER");
    }
}
