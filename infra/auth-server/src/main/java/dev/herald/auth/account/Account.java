package dev.herald.auth.account;

/**
 * One client of the local authorization server.
 *
 * @param clientId the OAuth2 client id (ASCII, usable in Basic authentication)
 * @param actsFor  the unit or subscriber a UNIT or SUBSCRIBER account acts for; null otherwise
 */
public record Account(String clientId, String secret, Role role, String actsFor) {
}
