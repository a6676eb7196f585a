package dev.herald.console.platform;

import java.util.Optional;

/**
 * The access token of the person the current request is for, relayed to the services so that their access
 * rules decide, never the console. Empty for a reader who has not signed in.
 */
@FunctionalInterface
public interface AccessTokens {

    Optional<String> current();
}
