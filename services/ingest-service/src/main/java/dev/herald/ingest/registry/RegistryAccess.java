package dev.herald.ingest.registry;

import dev.herald.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class RegistryAccess {

    @Bean
    AccessRules registryRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/units/me").hasRole("UNIT")
                .requestMatchers(HttpMethod.GET, "/api/units", "/api/units/*", "/api/channels").authenticated()
                .requestMatchers(HttpMethod.PUT, "/api/units/*", "/api/channels/*").hasRole("ADMIN")
                .requestMatchers(HttpMethod.DELETE, "/api/units/*", "/api/channels/*").hasRole("ADMIN");
    }
}
