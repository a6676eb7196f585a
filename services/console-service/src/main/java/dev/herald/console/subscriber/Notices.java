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
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filter(List<String> channels, List<String> units, List<String> keywords, String query) {
        public Filter {
            channels = channels == null ? List.of() : channels;
            units = units == null ? List.of() : units;
            keywords = keywords == null ? List.of() : keywords;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String type, String url, String email) {
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
