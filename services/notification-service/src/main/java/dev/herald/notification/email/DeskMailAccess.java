package dev.herald.notification.email;

import dev.herald.support.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class DeskMailAccess {

    // who is mailed is an administrator's choice: the people of a desk read its inbox without any setting
    @Bean
    AccessRules deskMailRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/desks/*/mail-recipients").hasRole("ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/desks/*/mail-recipients").hasRole("ADMIN");
    }
}
