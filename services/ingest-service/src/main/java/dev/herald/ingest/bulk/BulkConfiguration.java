package dev.herald.ingest.bulk;

import dev.herald.support.security.AccessRules;
import dev.herald.support.web.RequestSizeProperties.PathLimit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import dev.herald.support.web.RateLimitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Units import into their own name and follow their own imports; moderators and admins may follow any. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BulkProperties.class)
class BulkConfiguration {

    /** An import is streamed line by line, never held whole, so its body may be far larger than any other request's. */
    @Bean
    PathLimit bulkImportBodyLimit(BulkProperties properties) {
        return new PathLimit("/api/reports/bulk", properties.maxBytes());
    }

    @Bean
    AccessRules bulkImportRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/reports/bulk").hasRole("UNIT")
                .requestMatchers(HttpMethod.GET, "/api/reports/bulk/*", "/api/reports/bulk/*/items")
                .hasAnyRole("UNIT", "MODERATOR", "ADMIN");
    }

    @Bean
    RateLimitProperties.Endpoint bulkImportLimit() {
        return new RateLimitProperties.Endpoint("POST", "/api/reports/bulk", RateLimitProperties.BULK_IMPORT);
    }
}
