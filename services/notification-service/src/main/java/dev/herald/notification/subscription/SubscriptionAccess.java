package dev.herald.notification.subscription;

import dev.herald.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Subscribers keep their own subscriptions and read their own inbox; which subscriber may see what is
 * decided by the code behind each endpoint, from the token. The signed links in mails and payloads
 * need no token: the signature is the authority.
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionAccess {

    @Bean
    AccessRules subscriptionRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/subscriptions", "/api/subscriptions/*/pause",
                        "/api/subscriptions/*/resume", "/api/subscriptions/*/secret/rotate").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.GET, "/api/subscriptions", "/api/subscriptions/*").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.PUT, "/api/subscriptions/*").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.DELETE, "/api/subscriptions/*").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.GET, "/api/subscribers/*/notifications",
                        "/api/subscribers/*/notifications/stream").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.POST, "/api/subscribers/*/notifications/read").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.GET, "/api/units/me/notifications").hasAnyRole("UNIT", "UNIT_REVIEWER")
                // the people who decide review stages read their desks
                .requestMatchers(HttpMethod.GET, "/api/desks/*/notifications").hasAnyRole("MODERATOR", "LEADER", "ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/notifications/*").hasAnyRole("SUBSCRIBER", "UNIT", "UNIT_REVIEWER")
                .requestMatchers(HttpMethod.POST, "/api/notifications/*/read").hasAnyRole("SUBSCRIBER", "UNIT", "UNIT_REVIEWER")
                .requestMatchers(HttpMethod.GET, "/api/notifications/*/deliveries").hasRole("SUBSCRIBER")
                .requestMatchers(HttpMethod.GET, "/api/unsubscribe", "/api/email-verification").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/unsubscribe").permitAll();
    }
}
