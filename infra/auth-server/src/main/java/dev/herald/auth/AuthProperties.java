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
 */
@ConfigurationProperties("herald.auth")
public record AuthProperties(Path accountsFile, Path keyFile, Duration tokenLifetime, String audience) {

    public AuthProperties {
        accountsFile = accountsFile == null ? Path.of("./data/accounts.json") : accountsFile;
        keyFile = keyFile == null ? Path.of("./data/issuer-key.json") : keyFile;
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
        audience = audience == null || audience.isBlank() ? "herald" : audience;
    }
}
