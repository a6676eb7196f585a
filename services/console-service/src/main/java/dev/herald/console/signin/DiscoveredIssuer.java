package dev.herald.console.signin;

import dev.herald.console.platform.ConsoleProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The console's one client registration, read from the issuer's OpenID discovery document the first time
 * someone signs in rather than at start: the console serves readers while the issuer is still starting or
 * down, and works with the local issuer and Keycloak alike, whose endpoints differ. A failed discovery is
 * not remembered, so the next sign-in tries again.
 */
class DiscoveredIssuer implements ClientRegistrationRepository {

    static final String REGISTRATION = "herald";

    private final ConsoleProperties properties;
    private volatile ClientRegistration registration;

    DiscoveredIssuer(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION.equals(registrationId)) {
            return null;
        }
        ClientRegistration found = registration;
        if (found == null) {
            // public client: PKCE is used because there is no secret to authenticate with
            found = ClientRegistrations.fromIssuerLocation(properties.issuer())
                    .registrationId(REGISTRATION)
                    .clientId(properties.clientId())
                    .clientSecret(null)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(properties.publicBase() + "/login/oauth2/code/" + REGISTRATION)
                    .scope("openid")
                    .userNameAttributeName("sub")
                    .clientName("Herald")
                    .build();
            registration = found;
        }
        return found;
    }
}
