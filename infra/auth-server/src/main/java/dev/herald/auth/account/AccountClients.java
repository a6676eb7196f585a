package dev.herald.auth.account;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;

/**
 * Serves the accounts file as OAuth2 clients that may use the client-credentials grant, and the web console
 * as the one client people sign in through.
 */
public class AccountClients implements RegisteredClientRepository {

    public static final String CONSOLE = "herald-console";

    private final Accounts accounts;
    private final Duration tokenLifetime;
    private final RegisteredClient console;

    public AccountClients(Accounts accounts, Duration tokenLifetime, String consoleUrl) {
        this.accounts = accounts;
        this.tokenLifetime = tokenLifetime;
        this.console = console(consoleUrl, tokenLifetime);
    }

    /**
     * The server saves a client after authenticating it, to store a re-encoded secret; the accounts
     * file stays the only source of accounts, so there is nothing to save.
     */
    @Override
    public void save(RegisteredClient registeredClient) {
        // intentionally empty
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (CONSOLE.equals(clientId)) {
            return console;
        }
        return accounts.byClientId(clientId).map(this::client).orElse(null);
    }

    private RegisteredClient client(Account account) {
        return RegisteredClient.withId(account.clientId())
                .clientId(account.clientId())
                // the file is local and git-ignored; a real deployment uses its own identity provider
                .clientSecret("{noop}" + account.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenLifetime).build())
                .build();
    }

    /**
     * A public client: the console keeps no secret of its own, so the code it is given is bound to it by
     * PKCE instead, and it is redirected only to its own callback. No consent page: it is Herald's own.
     */
    private static RegisteredClient console(String consoleUrl, Duration tokenLifetime) {
        return RegisteredClient.withId(CONSOLE)
                .clientId(CONSOLE)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(consoleUrl + "/login/oauth2/code/herald")
                .postLogoutRedirectUri(consoleUrl + "/")
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenLifetime).build())
                .build();
    }
}
