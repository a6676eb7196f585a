package dev.herald.ingest.feed;

import dev.herald.support.security.AccessRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import dev.herald.support.web.RateLimitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * A unit manages its own feeds; an administrator may look at anyone's (a feed that keeps failing is an
 * operations matter), but changes nothing: what a unit imports is the unit's business.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedProperties.class)
class FeedConfiguration {

    @Bean
    AccessRules feedRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/feeds", "/api/feeds/*/poll").hasRole("UNIT")
                .requestMatchers(HttpMethod.GET, "/api/feeds", "/api/feeds/*", "/api/feeds/*/items").hasAnyRole("UNIT", "ADMIN")
                .requestMatchers(HttpMethod.PATCH, "/api/feeds/*").hasRole("UNIT")
                .requestMatchers(HttpMethod.DELETE, "/api/feeds/*").hasRole("UNIT");
    }

    /** Registering a feed and polling one on demand both fetch someone else's server, per unit. */
    @Bean
    RateLimitProperties.Endpoint feedRegistrationLimit() {
        return new RateLimitProperties.Endpoint("POST", "/api/feeds", RateLimitProperties.FEED);
    }

    @Bean
    RateLimitProperties.Endpoint feedPollLimit() {
        return new RateLimitProperties.Endpoint("POST", "/api/feeds/*/poll", RateLimitProperties.FEED);
    }
}
