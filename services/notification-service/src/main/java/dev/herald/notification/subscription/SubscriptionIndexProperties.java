package dev.herald.notification.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How this instance's in-memory subscription index keeps up with the store ({@link LiveSubscriptionIndex}).
 *
 * @param catchUp how often the subscriptions made or changed through other instances are taken in
 * @param reload  how often the index is built anew from the store: a backstop, since each catch-up takes in the
 *                deletions made elsewhere too (an hour; a reload takes minutes of a core at a million subscriptions)
 */
@ConfigurationProperties("herald.notification.matching")
public record SubscriptionIndexProperties(Duration catchUp, Duration reload) {

    public SubscriptionIndexProperties {
        catchUp = catchUp == null ? Duration.ofSeconds(5) : catchUp;
        reload = reload == null ? Duration.ofHours(1) : reload;
    }
}
