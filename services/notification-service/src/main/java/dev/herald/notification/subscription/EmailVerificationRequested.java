package dev.herald.notification.subscription;

/** Published in-process when an address must be confirmed before anything is mailed to it. */
public record EmailVerificationRequested(String subscriptionId, String subscriber, String email, String verificationUrl) {
}
