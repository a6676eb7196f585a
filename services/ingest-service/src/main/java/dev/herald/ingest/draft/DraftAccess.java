package dev.herald.ingest.draft;

import dev.herald.support.security.AccessRules;
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
}
