package dev.herald.notification.subscription;

/** How often a subscription's channel is sent what matched: each notice as it comes, or a digest per window. */
public enum Cadence {
    IMMEDIATE, HOURLY, DAILY
}
