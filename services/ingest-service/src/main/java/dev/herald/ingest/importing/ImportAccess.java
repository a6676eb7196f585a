package dev.herald.ingest.importing;

import dev.herald.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** A unit imports pages into drafts of its own. */
@Configuration(proxyBeanMethods = false)
class ImportAccess {

    @Bean
    AccessRules importRules() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/reports/import").hasRole("UNIT");
    }
}
