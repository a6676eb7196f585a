package dev.herald.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The local issuer's files and tokens. Both files are made on first start and git-ignored; {@code ./herald up}
 * points them into its data folder.
 *
 * @param accountsFile  the accounts, one per role by default
 * @param keyFile       the signing key, kept so tokens stay valid across restarts
 * @param tokenLifetime how long an access token is valid
 * @param audience      the {@code aud} of every token: the services refuse tokens made for anything else
 * @param consoleUrl    where the web console (herald-console, a public client using authorization code with
 *                      PKCE) is reached: its sign-in callback and the page after sign-out are under it, and
 *                      redirect URIs must match exactly (an IP literal for loopback: OAuth 2.1 refuses "localhost")
 */
@ConfigurationProperties("herald.auth")
public record AuthProperties(Path accountsFile, Path keyFile, Duration tokenLifetime, String audience, String consoleUrl) {

    public AuthProperties {
        accountsFile = accountsFile == null ? Path.of("./data/accounts.json") : accountsFile;
        keyFile = keyFile == null ? Path.of("./data/issuer-key.json") : keyFile;
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
        audience = audience == null || audience.isBlank() ? "herald" : audience;
        consoleUrl = consoleUrl == null || consoleUrl.isBlank() ? "http://127.0.0.1:8080" : consoleUrl.replaceAll("/+$", "");
    }
}
