package dev.herald.search.index;

import dev.herald.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Only admins look at and rebuild the index. */
@Configuration(proxyBeanMethods = false)
class IndexAccess {

    @Bean
    AccessRules indexManagement() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/search/index").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/search/index/rebuild").hasRole("ADMIN");
    }
}
