package dev.herald.notification.subscription;

/**
 * Where notices go besides the inbox.
 *
 * @param url           the http(s) endpoint of a WEBHOOK delivery
 * @param secret        the WEBHOOK signing secret ({@code whsec_…}, Standard Webhooks), made by the service
 * @param email         the address of an EMAIL delivery
 * @param emailVerified whether the address owner followed the confirmation link; nothing is mailed before
 */
public record Delivery(DeliveryType type, String url, String secret, String email, boolean emailVerified) {

    public static Delivery inbox() {
        return new Delivery(DeliveryType.INBOX, null, null, null, false);
    }

    public boolean callsWebhook() {
        return type == DeliveryType.WEBHOOK;
    }

    public boolean mails() {
        return type == DeliveryType.EMAIL && emailVerified;
    }

    Delivery verified() {
        return new Delivery(type, url, secret, email, true);
    }
}
