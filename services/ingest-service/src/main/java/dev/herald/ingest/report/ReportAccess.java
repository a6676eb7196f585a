package dev.herald.ingest.report;

import dev.herald.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Units submit and follow their own reports; moderators and admins may look any report up. */
@Configuration(proxyBeanMethods = false)
class ReportAccess {

    @Bean
    AccessRules reportRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/reports", "/api/reports/*/revisions").hasRole("UNIT")
                .requestMatchers(HttpMethod.GET, "/api/reports/*").hasAnyRole("UNIT", "MODERATOR", "ADMIN");
    }
}
