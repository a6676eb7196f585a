package dev.herald.ingest.report;

import dev.herald.support.security.AccessRules;
import dev.herald.support.web.RateLimitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Units submit and follow their own reports; moderators and admins may look any report up. A unit's
 * UNIT_REVIEWER reads the unit's reports and signs off (or sends back) those waiting for the unit's sign-off.
 */
@Configuration(proxyBeanMethods = false)
class ReportAccess {

    @Bean
    AccessRules reportRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/reports", "/api/reports/*/revisions", "/api/reports/*/corrections").hasRole("UNIT")
                .requestMatchers(HttpMethod.GET, "/api/reports/*").hasAnyRole("UNIT", "UNIT_REVIEWER", "MODERATOR", "ADMIN")
                // a unit's own responsible person signs off its reports before they reach the platform
                .requestMatchers(HttpMethod.GET, "/api/reports").hasAnyRole("UNIT", "UNIT_REVIEWER")
                .requestMatchers(HttpMethod.POST, "/api/reports/*/sign-off", "/api/reports/*/request-changes").hasRole("UNIT_REVIEWER");
    }

    /** A submission, a revision and a correction of one are one allowance per unit. */
    @Bean
    RateLimitProperties.Endpoint submissionLimit() {
        return new RateLimitProperties.Endpoint("POST", "/api/reports", RateLimitProperties.SUBMISSION);
    }

    @Bean
    RateLimitProperties.Endpoint revisionLimit() {
        return new RateLimitProperties.Endpoint("POST", "/api/reports/*/revisions", RateLimitProperties.SUBMISSION);
    }

    @Bean
    RateLimitProperties.Endpoint correctionLimit() {
        return new RateLimitProperties.Endpoint("POST", "/api/reports/*/corrections", RateLimitProperties.SUBMISSION);
    }
}
