package dev.herald.notification.subscription;

import dev.herald.events.ArticlePublished;
import dev.herald.notification.matching.ArticleText;
import dev.herald.notification.matching.SubscriptionMatch;
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
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Service
public class SubscriptionService {

    // matches are read back from the store in batches of this many ids
    private static final int READ_BATCH = 1_000;

    private final SubscriptionRepository subscriptions;
    private final LiveSubscriptionIndex index;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository subscriptions, LiveSubscriptionIndex index, ApplicationEventPublisher events,
                        Clock clock) {
        this.subscriptions = subscriptions;
        this.index = index;
        this.events = events;
        this.clock = clock;
    }

    /** A subscription that matched an article, and how. */
    public record Match(Subscription subscription, MatchedBy matchedBy) {
    }

    public Subscription create(String subscriber, CreateSubscriptionRequest request) {
        SubscriptionFilter filter = filter(request.filter());
        Delivery delivery = delivery(request.delivery());
        Subscription created = subscriptions.insert(new Subscription("sub-" + UUID.randomUUID(), subscriber,
                filter, delivery, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        index.added(created);
        return created;
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
        index.removed(id);
        events.publishEvent(new SubscriptionDeleted(id));
    }

    /**
     * Every subscription the article satisfies, found through the in-memory index and then read from the
     * store, so that one deleted through another instance since the index last heard is not notified.
     */
    public List<Match> matching(ArticlePublished article) {
        List<SubscriptionMatch> found = index.current().match(new ArticleText(article.channel(), article.unit(),
                article.title(), article.subtitle(), article.body()));
        Map<String, SubscriptionMatch> byId = found.stream()
                .collect(Collectors.toMap(SubscriptionMatch::subscriptionId, Function.identity()));
        List<String> ids = List.copyOf(byId.keySet());
        List<Match> matches = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += READ_BATCH) {
            for (Subscription s : subscriptions.findAllById(ids.subList(from, Math.min(ids.size(), from + READ_BATCH)))) {
                SubscriptionMatch how = byId.get(s.id());
                matches.add(new Match(s, new MatchedBy(how.channel(), how.unit(), how.keyword())));
            }
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
