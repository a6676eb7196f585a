package dev.herald.auth.account;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One account of the local authorization server: an OAuth2 client (its id and secret, for the
 * client-credentials grant) and a person who may sign in to the console with the same id and either the
 * secret or, when the file gives one, a password of their own.
 *
 * @param clientId the OAuth2 client id (ASCII, usable in Basic authentication), also the sign-in name
 * @param actsFor  the unit or subscriber a UNIT or SUBSCRIBER account acts for; null otherwise
 * @param password a sign-in password for people; null means the secret signs in
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Account(String clientId, String secret, Role role, String actsFor, String password) {

    public Account(String clientId, String secret, Role role, String actsFor) {
        this(clientId, secret, role, actsFor, null);
    }

    /** What a person types on the sign-in page. */
    public String signInPassword() {
        return password == null || password.isBlank() ? secret : password;
    }
}
