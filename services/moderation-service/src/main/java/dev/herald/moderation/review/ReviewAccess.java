package dev.herald.moderation.review;

import dev.herald.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Moderators and leaders work the queue, claim and decide (each stage then admits only the role it names);
 * admins may look at it. Retraction stays with moderators. A scheduled publication is moved or called off by
 * an administrator or a leader, whose sign-off it is.
 */
@Configuration(proxyBeanMethods = false)
class ReviewAccess {

    @Bean
    AccessRules reviewRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/reviews", "/api/reviews/*").hasAnyRole("MODERATOR", "LEADER", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/reviews/*/claim", "/api/reviews/*/approve", "/api/reviews/*/reject",
                        "/api/reviews/*/request-changes", "/api/reviews/*/send-back", "/api/reviews/*/important")
                .hasAnyRole("MODERATOR", "LEADER")
                .requestMatchers(HttpMethod.POST, "/api/reviews/*/retract").hasRole("MODERATOR")
                .requestMatchers(HttpMethod.DELETE, "/api/reviews/*/claim").hasAnyRole("MODERATOR", "LEADER")
                .requestMatchers(HttpMethod.PUT, "/api/reviews/*/schedule").hasAnyRole("ADMIN", "LEADER")
                .requestMatchers(HttpMethod.DELETE, "/api/reviews/*/schedule").hasAnyRole("ADMIN", "LEADER");
    }
}
