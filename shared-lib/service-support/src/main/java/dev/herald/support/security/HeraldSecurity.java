package dev.herald.support.security;

import jakarta.servlet.Filter;
import org.springframework.http.HttpStatus;
import dev.herald.support.web.ProblemResponses;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import java.util.List;

/**
 * One security setup for every service: stateless bearer-token (JWT) authentication, roles from the
 * token's {@code roles} claim, health open, the rest of actuator for ADMIN, each service's own
 * {@link AccessRules}, everything else denied, and 401/403 answered as problem+json.
 */
public final class HeraldSecurity {

    public static final String ROLES_CLAIM = "roles";

    private HeraldSecurity() {
    }

    public static SecurityFilterChain filterChain(HttpSecurity http, List<AccessRules> rules, Filter rateLimit) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "a valid bearer token is required");
        };
        if (rateLimit != null) {
            http.addFilterAfter(rateLimit, AuthorizationFilter.class);
        }
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                    requests.requestMatchers("/actuator/**").hasRole("ADMIN");
                    rules.forEach(rule -> rule.apply(requests));
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN,
                                "Forbidden", "this token's role may not do this")))
                .build();
    }

    static JwtAuthenticationConverter rolesFromClaim() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
            return roles == null ? List.of()
                    : roles.stream().map(role -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        });
        return converter;
    }
}
