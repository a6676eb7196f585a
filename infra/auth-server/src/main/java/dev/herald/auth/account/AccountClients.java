package dev.herald.auth.account;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;

/** Serves the accounts file as OAuth2 clients that may use the client-credentials grant. */
public class AccountClients implements RegisteredClientRepository {

    private final Accounts accounts;
    private final Duration tokenLifetime;

    public AccountClients(Accounts accounts, Duration tokenLifetime) {
        this.accounts = accounts;
        this.tokenLifetime = tokenLifetime;
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
}
