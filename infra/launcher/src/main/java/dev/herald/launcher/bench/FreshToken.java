package dev.herald.launcher.bench;

import dev.herald.auth.account.Role;
import dev.herald.launcher.HttpJson;
import dev.herald.launcher.LocalAccounts;
import dev.herald.launcher.PlatformSettings;

import java.util.concurrent.TimeUnit;

/**
 * A client carrying a token of the local issuer, fetched again after half an hour: tokens live an hour, and a
 * pre-load of a million reports takes several.
 */
final class FreshToken {

    private static final long REFRESH_NANOS = TimeUnit.MINUTES.toNanos(30);

    private final PlatformSettings settings;
    private final Role role;
    private final String actsFor;
    private final HttpJson http;
    private HttpJson client;
    private long fetchedAt;

    FreshToken(PlatformSettings settings, HttpJson http, Role role, String actsFor) {
        this.settings = settings;
        this.http = http;
        this.role = role;
        this.actsFor = actsFor;
    }

    synchronized HttpJson client() {
        if (client == null || System.nanoTime() - fetchedAt > REFRESH_NANOS) {
            client = http.as(LocalAccounts.token(settings, role, actsFor));
            fetchedAt = System.nanoTime();
        }
        return client;
    }
}
