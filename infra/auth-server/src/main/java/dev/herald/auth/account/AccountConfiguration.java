package dev.herald.auth.account;

import dev.herald.auth.AuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
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
        return new AccountClients(accounts, properties.tokenLifetime(), properties.consoleUrl());
    }

    /** People sign in with an account's id and its password, or its secret when the file gives no password. */
    @Bean
    UserDetailsService people(Accounts accounts) {
        return name -> accounts.byClientId(name)
                .map(a -> User.withUsername(a.clientId()).password("{noop}" + a.signInPassword()).roles(a.role().name()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /**
     * Puts the account's role, and the unit or subscriber it acts for, into its tokens: the services read
     * who is acting from there, never from a request body. The account is the one authorized: the client
     * itself under client credentials, the person signed in through the console under authorization code.
     * Only access tokens name the services' audience; an ID token is for the console and names it.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accountClaims(Accounts accounts, AuthProperties properties) {
        return context -> accounts.byClientId(context.getPrincipal().getName()).ifPresent(account -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(properties.audience()));
            }
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
