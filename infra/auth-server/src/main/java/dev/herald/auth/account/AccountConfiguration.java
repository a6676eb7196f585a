package dev.herald.auth.account;

import dev.herald.auth.AuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    @Bean
    Accounts accounts(AuthProperties properties) {
        return new Accounts(properties.accountsFile());
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(Accounts accounts, AuthProperties properties) {
        return new AccountClients(accounts, properties.tokenLifetime());
    }

    /**
     * Puts the audience, the account's role, and the unit or subscriber it acts for, into its access
     * tokens: the services read who is acting from there, never from a request body.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accountClaims(Accounts accounts, AuthProperties properties) {
        return context -> accounts.byClientId(context.getRegisteredClient().getClientId()).ifPresent(account -> {
            context.getClaims().audience(List.of(properties.audience()));
            context.getClaims().claim("roles", List.of(account.role().name()));
            if (account.role() == Role.UNIT || account.role() == Role.UNIT_REVIEWER) {
                context.getClaims().claim("unit", account.actsFor());
            }
            if (account.role() == Role.SUBSCRIBER) {
                context.getClaims().claim("subscriber", account.actsFor());
            }
        });
    }
}
