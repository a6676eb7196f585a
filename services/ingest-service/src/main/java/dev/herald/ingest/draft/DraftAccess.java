package dev.herald.ingest.draft;

import dev.herald.support.security.AccessRules;
import dev.herald.support.web.RateLimitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Drafts are their unit's own business: nobody else, moderators included, sees a report before it is submitted. */
@Configuration(proxyBeanMethods = false)
class DraftAccess {

    @Bean
    AccessRules draftRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/drafts/*/submit").hasRole("UNIT")
                .requestMatchers(HttpMethod.GET, "/api/drafts", "/api/drafts/*").hasRole("UNIT")
                .requestMatchers(HttpMethod.PATCH, "/api/drafts/*").hasRole("UNIT")
                .requestMatchers(HttpMethod.DELETE, "/api/drafts/*").hasRole("UNIT");
    }

    /** An import may fetch a page from someone else's server: per unit, apart from submissions. */
    @Bean
    RateLimitProperties.Endpoint importLimit() {
        return new RateLimitProperties.Endpoint("POST", "/api/reports/import", RateLimitProperties.IMPORT);
    }

    /** Submitting a draft is a submission like any other. */
    @Bean
    RateLimitProperties.Endpoint draftSubmissionLimit() {
        return new RateLimitProperties.Endpoint("POST", "/api/drafts/*/submit", RateLimitProperties.SUBMISSION);
    }
}
