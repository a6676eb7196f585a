package dev.herald.moderation.review;

import dev.herald.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Moderators work the queue, claim and decide; admins may look at it. */
@Configuration(proxyBeanMethods = false)
class ReviewAccess {

    @Bean
    AccessRules reviewRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/reviews", "/api/reviews/*").hasAnyRole("MODERATOR", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/reviews/*/claim", "/api/reviews/*/approve", "/api/reviews/*/reject",
                        "/api/reviews/*/request-changes", "/api/reviews/*/retract").hasRole("MODERATOR")
                .requestMatchers(HttpMethod.DELETE, "/api/reviews/*/claim").hasRole("MODERATOR");
    }
}
