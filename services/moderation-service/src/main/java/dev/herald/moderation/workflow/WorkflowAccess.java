package dev.herald.moderation.workflow;

import dev.herald.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Administrators set the workflows; the people who decide stages may read them, to know what comes next. */
@Configuration(proxyBeanMethods = false)
class WorkflowAccess {

    @Bean
    AccessRules workflowRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/workflows", "/api/workflows/*").hasAnyRole("ADMIN", "MODERATOR", "LEADER")
                .requestMatchers(HttpMethod.PUT, "/api/workflows/*").hasRole("ADMIN")
                .requestMatchers(HttpMethod.DELETE, "/api/workflows/*").hasRole("ADMIN");
    }
}
