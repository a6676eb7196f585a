package dev.herald.ingest.registry;

import dev.herald.support.periodic.PeriodicPass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks up units and channels changed through another instance; this instance's own changes reload at once. */
@Configuration(proxyBeanMethods = false)
class RegistryRefresh {

    @Bean
    PeriodicPass registryRefreshPass(Registry registry, RegistryProperties properties) {
        return PeriodicPass.of("registry-refresh", properties.refresh(), registry::reload);
    }
}
