package dev.herald.notification.subscription;

import dev.herald.events.ArticlePublished;
import dev.herald.notification.subscription.CreateSubscriptionRequest.DeliveryRequest;
import dev.herald.notification.subscription.CreateSubscriptionRequest.FilterRequest;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import dev.herald.text.ChineseText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

@Service
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository subscriptions, ApplicationEventPublisher events, Clock clock) {
        this.subscriptions = subscriptions;
        this.events = events;
        this.clock = clock;
    }

    /** A subscription that matched an article, and how. */
    public record Match(Subscription subscription, MatchedBy matchedBy) {
    }

    public Subscription create(String subscriber, CreateSubscriptionRequest request) {
        SubscriptionFilter filter = filter(request.filter());
        Delivery delivery = delivery(request.delivery());
        return subscriptions.insert(new Subscription("sub-" + UUID.randomUUID(), subscriber,
                filter, delivery, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /** Someone else's subscription is answered exactly like one that does not exist, so ids reveal nothing. */
    public Subscription get(String subscriber, String id) {
        return subscriptions.findById(id).filter(s -> s.subscriber().equals(subscriber))
                .orElseThrow(() -> new NotFoundException("subscription", id));
    }

    public void delete(String subscriber, String id) {
        if (subscriptions.deleteByIdAndSubscriber(id, subscriber) == 0) {
            throw new NotFoundException("subscription", id);
        }
        events.publishEvent(new SubscriptionDeleted(id));
    }

    /** Every subscription the article satisfies; streamed, so the set of subscriptions is never all in memory. */
    public List<Match> matching(ArticlePublished article) {
        List<Match> matches = new ArrayList<>();
        try (Stream<Subscription> all = subscriptions.streamAllBy()) {
            all.forEach(s -> s.match(article).ifPresent(by -> matches.add(new Match(s, by))));
        }
        return matches;
    }

    private static SubscriptionFilter filter(FilterRequest request) {
        var filter = new SubscriptionFilter(clean(request.channels()), clean(request.units()), clean(request.keywords()));
        if (filter.hasNoCriteria()) {
            throw new InvalidRequestException("filter", "needs at least one of channels, units or keywords");
        }
        if (filter.keywords().stream().anyMatch(k -> ChineseText.normalize(k).isEmpty())) {
            throw new InvalidRequestException("filter.keywords", "must hold visible characters");
        }
        return filter;
    }

    private static Delivery delivery(DeliveryRequest request) {
        if (request.type() == DeliveryType.WEBHOOK) {
            return new Delivery(DeliveryType.WEBHOOK, WebhookUrl.check(request.url()));
        }
        if (request.url() != null && !request.url().isBlank()) {
            throw new InvalidRequestException(WebhookUrl.FIELD, "is only allowed with WEBHOOK delivery");
        }
        return new Delivery(DeliveryType.INBOX, null);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }
}
