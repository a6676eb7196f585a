package dev.herald.notification.subscription;

import dev.herald.support.web.RateLimitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** New subscriptions are counted per subscriber, apart from the other writes: each may start a webhook or a mail. */
@Configuration(proxyBeanMethods = false)
class SubscriptionRateLimits {

    @Bean
    RateLimitProperties.Endpoint subscriptionCreationLimit() {
        return new RateLimitProperties.Endpoint("POST", "/api/subscriptions", RateLimitProperties.SUBSCRIPTION);
    }
}
