package dev.herald.notification.matching;

/** The parts of a published article that subscriptions look at; any may be null. */
public record ArticleText(String channel, String unit, String title, String subtitle, String body) {
}
