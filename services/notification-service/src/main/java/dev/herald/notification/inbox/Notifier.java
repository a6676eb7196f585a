package dev.herald.notification.inbox;

import dev.herald.events.ArticlePublished;
import dev.herald.notification.delivery.Notifications;
import dev.herald.notification.delivery.WebhookArticle;
import dev.herald.notification.delivery.WebhookDeliveries;
import dev.herald.notification.subscription.Subscription;
import dev.herald.notification.subscription.SubscriptionService;
import dev.herald.notification.subscription.SubscriptionService.Match;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;

/**
 * Turns a published article into notices for every subscription it matches. Each write is
 * insert-if-absent, so running it again for the same article, after a crash or for a re-publication,
 * adds nothing and completes whatever a crashed run left out.
 */
@Service
public class Notifier {

    private final SubscriptionService subscriptions;
    private final NotificationRepository notifications;
    private final WebhookDeliveries webhooks;
    private final MeterRegistry meters;
    private final Clock clock;

    Notifier(SubscriptionService subscriptions, NotificationRepository notifications, WebhookDeliveries webhooks,
             MeterRegistry meters, Clock clock) {
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.meters = meters;
        this.clock = clock;
    }

    /** Returns how many new notices the article made. */
    public int notifySubscribers(ArticlePublished article) {
        int created = 0;
        for (Match match : subscriptions.matching(article)) {
            Subscription subscription = match.subscription();
            String id = Notification.idFor(subscription.id(), article.articleId());
            if (insertIfAbsent(new Notification(id, subscription.id(), subscription.subscriber(), article.articleId(),
                    article.title(), article.unit(), article.channel(), article.publishedAt(), match.matchedBy(),
                    clock.instant()))) {
                created++;
            }
            if (subscription.delivery().callsWebhook() && subscription.status().delivers()) {
                webhooks.schedule(id, subscription.id(), subscription.subscriber(), subscription.delivery().url(),
                        new WebhookArticle(article.articleId(), article.title(), article.unit(), article.channel(),
                                article.publishedAt()));
            }
        }
        return created;
    }

    private boolean insertIfAbsent(Notification notification) {
        try {
            notifications.insert(notification);
        } catch (DuplicateKeyException alreadyNotified) {
            return false;
        }
        Notifications.countInbox(meters);
        return true;
    }
}
