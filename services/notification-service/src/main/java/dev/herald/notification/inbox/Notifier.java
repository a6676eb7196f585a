package dev.herald.notification.inbox;

import dev.herald.events.ArticlePublished;
import dev.herald.notification.delivery.DeliveryChannel;
import dev.herald.notification.delivery.DigestQueue;
import dev.herald.notification.delivery.Notice;
import dev.herald.notification.subscription.DeliveryType;
import dev.herald.notification.subscription.Subscription;
import dev.herald.notification.subscription.SubscriptionService;
import dev.herald.notification.subscription.SubscriptionService.Match;
import dev.herald.support.metrics.PipelineLatency;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a published article into notices for every subscription it matches, and hands each to the
 * subscription's channel, now or in its next digest. Every write is insert-if-absent and every hand-over
 * keyed by the notice, so running it again for the same article, after a crash or for a re-publication,
 * adds nothing and completes whatever a crashed run left out.
 */
@Service
public class Notifier {

    static final int SNIPPET_CHARS = 120;

    private final SubscriptionService subscriptions;
    private final Inbox inbox;
    private final Map<DeliveryType, DeliveryChannel> channels = new EnumMap<>(DeliveryType.class);
    private final DigestQueue digests;
    private final MeterRegistry meters;
    private final Clock clock;

    Notifier(SubscriptionService subscriptions, Inbox inbox, List<DeliveryChannel> channels,
             DigestQueue digests, MeterRegistry meters, Clock clock) {
        this.subscriptions = subscriptions;
        this.inbox = inbox;
        channels.forEach(c -> this.channels.put(c.type(), c));
        this.digests = digests;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Returns how many new notices the article made. The notices are stored in bulk, then what each channel
     * owes in bulk: one article may match thousands of subscriptions, and one write apiece kept the
     * consumer on it for seconds. A crash between the two is completed by the redelivery.
     */
    public int notifySubscribers(ArticlePublished article) {
        List<Match> matches = subscriptions.matching(article);
        List<Notification> notices = new ArrayList<>(matches.size());
        for (Match match : matches) {
            Subscription subscription = match.subscription();
            notices.add(Notification.article(Notification.idFor(subscription.id(), article.articleId()), subscription.id(),
                    subscription.subscriber(), article.articleId(), article.title(), article.unit(), article.channel(),
                    article.publishedAt(), match.matchedBy(), clock.instant()));
        }
        int created = notices.isEmpty() ? 0 : inbox.addAll(notices).size();
        meters.counter("herald.notifications.matches").increment(matches.size());
        Map<DeliveryType, List<DeliveryChannel.Owed>> owed = new EnumMap<>(DeliveryType.class);
        String snippet = snippet(article.body());
        for (int i = 0; i < matches.size(); i++) {
            Match match = matches.get(i);
            Subscription subscription = match.subscription();
            DeliveryChannel channel = channels.get(subscription.delivery().type());
            if (channel == null || !subscription.status().delivers()) {
                continue;
            }
            String id = notices.get(i).id();
            Notice notice = new Notice(id, article.articleId(), article.title(), article.unit(), article.channel(),
                    article.publishedAt(), snippet, match.matchedBy());
            if (subscription.frequency().digest()) {
                digests.add(subscription, notice);
            } else {
                owed.computeIfAbsent(channel.type(), t -> new ArrayList<>()).add(new DeliveryChannel.Owed(subscription, List.of(notice), id));
            }
        }
        owed.forEach((type, messages) -> channels.get(type).deliverAll(messages));
        if (created > 0) {
            // once per article, when its first notices are made: a redelivery that adds none is not a notification
            PipelineLatency.record(meters, PipelineLatency.DECISION_TO_NOTIFIED_METER, article.publishedAt(), clock.instant());
        }
        return created;
    }

    private static String snippet(String body) {
        String plain = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return plain.codePointCount(0, plain.length()) <= SNIPPET_CHARS ? plain
                : plain.substring(0, plain.offsetByCodePoints(0, SNIPPET_CHARS)) + "…";
    }

}
