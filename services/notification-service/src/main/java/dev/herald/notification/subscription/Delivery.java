package dev.herald.notification.subscription;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

/**
 * Where notices go besides the inbox. The signing secrets are sealed in the store ({@link SealedSecrets})
 * and in the clear only in memory and in answers to their own subscriber.
 *
 * @param url                     the http(s) endpoint of a WEBHOOK delivery
 * @param secret                  the WEBHOOK signing secret ({@code whsec_…}, Standard Webhooks), made by the service
 * @param previousSecret          the secret a rotation replaced, which still signs beside the new one until
 *                                {@code previousSecretExpiresAt}; never shown, the subscriber had it already
 * @param previousSecretExpiresAt when the previous secret stops signing, or null when there is none
 * @param email                   the address of an EMAIL delivery
 * @param emailVerified           whether the address owner followed the confirmation link; nothing is mailed before
 */
public record Delivery(DeliveryType type, String url, String secret, @JsonIgnore String previousSecret,
                       Instant previousSecretExpiresAt, String email, boolean emailVerified) {

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    /** What the platform takes for an e-mail address, wherever one is given (a subscription, a review desk). */
    public static boolean isEmailAddress(String address) {
        return address != null && EMAIL.matcher(address).matches();
    }

    public static Delivery inbox() {
        return new Delivery(DeliveryType.INBOX, null, null, null, null, null, false);
    }

    public boolean callsWebhook() {
        return type == DeliveryType.WEBHOOK;
    }

    public boolean mails() {
        return type == DeliveryType.EMAIL && emailVerified;
    }

    /**
     * The secrets a message sent at the instant is signed with: the current one, and during a rotation's overlap
     * the previous one too, so a receiver that has not switched yet still finds a signature it can check.
     */
    public List<String> signingSecrets(Instant at) {
        if (secret == null) {
            return List.of();
        }
        return previousSecret != null && previousSecretExpiresAt != null && at.isBefore(previousSecretExpiresAt)
                ? List.of(secret, previousSecret) : List.of(secret);
    }

    Delivery verified() {
        return new Delivery(type, url, secret, previousSecret, previousSecretExpiresAt, email, true);
    }

    Delivery withSecrets(String newSecret, String previous, Instant previousExpiresAt) {
        return new Delivery(type, url, newSecret, previous, previousExpiresAt, email, emailVerified);
    }
}
