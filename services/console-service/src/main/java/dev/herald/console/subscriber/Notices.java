package dev.herald.console.subscriber;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** What notification-service answers about a subscriber's subscriptions and inbox, as far as the pages use it. */
public final class Notices {

    private Notices() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subscriptions(Long total, List<Subscription> subscriptions) {
        public Subscriptions {
            subscriptions = subscriptions == null ? List.of() : subscriptions;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subscription(String id, Filter filter, Delivery delivery, String status, String statusReason, Instant createdAt) {
        public boolean webhook() {
            return delivery != null && "WEBHOOK".equals(delivery.type());
        }

        /** An e-mail delivery whose address has not been confirmed yet: nothing is mailed before. */
        public boolean awaitsConfirmation() {
            return delivery != null && "EMAIL".equals(delivery.type()) && !Boolean.TRUE.equals(delivery.emailVerified());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filter(List<String> channels, List<String> units, List<String> keywords, String query) {
        public Filter {
            channels = channels == null ? List.of() : channels;
            units = units == null ? List.of() : units;
            keywords = keywords == null ? List.of() : keywords;
        }
    }

    /** {@code secret} is the webhook's signing secret, which the console shows once, when it is made, and never in a list. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String type, String url, String email, Boolean emailVerified, String secret,
                           Instant previousSecretExpiresAt) {
    }

    /** One page of a webhook subscription's deliveries, newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deliveries(String subscriptionId, String status, Long total, Integer page, Integer size, List<WebhookDelivery> deliveries) {
        public Deliveries {
            total = total == null ? 0 : total;
            page = page == null ? 0 : page;
            size = size == null || size <= 0 ? 20 : size;
            deliveries = deliveries == null ? List.of() : deliveries;
        }
    }

    /** One message to the webhook and every attempt to deliver it, across replays. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WebhookDelivery(String id, String type, List<String> notificationIds, String url, String status, String statusReason,
                                  Integer attemptCount, Integer replays, List<Attempt> attempts, Instant nextAttemptAt, Instant createdAt,
                                  Instant completedAt) {
        public WebhookDelivery {
            notificationIds = notificationIds == null ? List.of() : notificationIds;
            attempts = attempts == null ? List.of() : attempts;
            replays = replays == null ? 0 : replays;
        }

        public boolean replayable() {
            return "FAILED".equals(status);
        }
    }

    /** One call to the webhook: the receiver's status, or why there was none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(Instant at, Integer httpStatus, String error, Long durationMillis) {
    }

    /** One page of the inbox, unread first and newest first within each. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inbox(Long total, Long unread, Integer page, Integer size, List<Notice> notifications) {
        public Inbox {
            notifications = notifications == null ? List.of() : notifications;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notice(String id, String kind, String articleId, String title, String unit, String channel,
                         MatchedBy matchedBy, String message, boolean read, Instant createdAt) {
    }

    /** Which value of each criterion the article satisfied. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MatchedBy(String channel, String unit, String keyword) {
        public String any() {
            return keyword != null ? keyword : unit != null ? unit : channel;
        }
    }
}
