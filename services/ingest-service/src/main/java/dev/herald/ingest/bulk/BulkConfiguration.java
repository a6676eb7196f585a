package dev.herald.ingest.bulk;

import dev.herald.support.security.AccessRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Units import into their own name and follow their own imports; moderators and admins may follow any. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BulkProperties.class)
class BulkConfiguration {

    @Bean
    AccessRules bulkImportRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/reports/bulk").hasRole("UNIT")
                .requestMatchers(HttpMethod.GET, "/api/reports/bulk/*", "/api/reports/bulk/*/items")
                .hasAnyRole("UNIT", "MODERATOR", "ADMIN");
    }
}
