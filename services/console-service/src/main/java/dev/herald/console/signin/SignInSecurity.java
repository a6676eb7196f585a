package dev.herald.console.signin;

import dev.herald.console.platform.ConsoleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Readers need no sign-in; units and moderators sign in at the issuer (authorization code with PKCE) and
 * come back to the page they asked for. Forms carry a CSRF token; the access token stays in the session,
 * never in a page or a URL.
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

    private static final String SIGN_IN = "/oauth2/authorization/" + DiscoveredIssuer.REGISTRATION;

    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleProperties properties) {
        return new DiscoveredIssuer(properties);
    }

    /** Tokens live in the person's session: signing out or a session expiring forgets them. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the token signed in with; without one, asks for an authorization (sign-in) first. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().build());
        return manager;
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations,
                              OAuth2AuthorizedClientRepository authorizedClients, ConsoleProperties properties) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri(properties.publicBase() + "/");
        HtmxSignIn background = new HtmxSignIn();
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/search", "/search/suggest", "/articles/**", "/css/**", "/js/**", "/vendor/**", "/favicon.ico",
                                "/actuator/health", "/error").permitAll()
                        .requestMatchers("/moderation/**").hasAnyRole("MODERATOR", "LEADER", "ADMIN")
                        .requestMatchers("/unit/**").hasRole("UNIT")
                        .requestMatchers("/sign-off/**").hasRole("UNIT_REVIEWER")
                        .requestMatchers("/subscriber/**").hasRole("SUBSCRIBER")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                // an expired session met by an htmx fragment or the live stream: a 401 that sends the page, not the
                // fragment, to sign in; every other request goes to sign in (oauth2Login's own entry point would only
                // take requests that ask for HTML, and the first one registered answers the rest)
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(background, HtmxSignIn.BACKGROUND)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN), AnyRequestMatcher.INSTANCE))
                // one issuer, so no page to choose one: straight to it, remembering where the person was going
                .oauth2Login(login -> login.loginPage(SIGN_IN)
                        .authorizationEndpoint(a -> a.authorizationRedirectStrategy(background))
                        .authorizedClientRepository(authorizedClients))
                .oauth2Client(client -> client.authorizedClientRepository(authorizedClients)
                        .authorizationCodeGrant(grant -> grant.authorizationRedirectStrategy(background)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut));
        return http.build();
    }

    /** The token's {@code roles} claim as Spring roles, so the page rules above can use them. */
    @Bean
    GrantedAuthoritiesMapper rolesFromToken() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                Object roles = authority instanceof OidcUserAuthority oidc ? oidc.getIdToken().getClaim("roles")
                        : authority instanceof OAuth2UserAuthority user ? user.getAttributes().get("roles") : null;
                if (roles instanceof List<?> list) {
                    list.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                }
            }
            return mapped;
        };
    }
}
