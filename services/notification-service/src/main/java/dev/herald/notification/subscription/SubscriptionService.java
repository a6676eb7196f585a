package dev.herald.notification.subscription;

import dev.herald.events.ArticlePublished;
import dev.herald.notification.link.SignedLinks;
import dev.herald.notification.secret.SecretProperties;
import dev.herald.notification.subscription.CreateSubscriptionRequest.DeliveryRequest;
import dev.herald.notification.subscription.CreateSubscriptionRequest.FilterRequest;
import dev.herald.notification.subscription.CreateSubscriptionRequest.FrequencyRequest;
import dev.herald.support.web.ConflictException;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import dev.herald.notification.matching.ArticleText;
import dev.herald.notification.matching.SubscriptionMatch;
import dev.herald.text.ChineseText;
import dev.herald.text.InvalidSearchException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.UUID;

@Service
public class SubscriptionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    // matches are read back from the store in batches of this many ids
    private static final int READ_BATCH = 1_000;

    private final SubscriptionRepository subscriptions;
    private final SubscriptionRemovalRepository removals;
    private final LiveSubscriptionIndex index;
    private final WebhookUrl webhookUrls;
    private final SignedLinks links;
    private final ApplicationEventPublisher events;
    private final Duration rotationOverlap;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository subscriptions, SubscriptionRemovalRepository removals, LiveSubscriptionIndex index,
                        WebhookUrl webhookUrls, SignedLinks links, ApplicationEventPublisher events, SecretProperties secrets,
                        Clock clock) {
        this.subscriptions = subscriptions;
        this.removals = removals;
        this.index = index;
        this.webhookUrls = webhookUrls;
        this.links = links;
        this.events = events;
        this.rotationOverlap = secrets.rotationOverlap();
        this.clock = clock;
    }

    /** A subscription that matched an article, and how. */
    public record Match(Subscription subscription, MatchedBy matchedBy) {
    }

    public Subscription create(String subscriber, CreateSubscriptionRequest request) {
        SubscriptionFilter filter = filter(request.filter());
        Delivery delivery = delivery(request.delivery(), null);
        Instant now = now();
        Subscription created = subscriptions.insert(new Subscription("sub-" + UUID.randomUUID(), null, subscriber, filter,
                delivery, frequency(request.frequency()), initialStatus(delivery), null, now, now));
        index.changed(created);
        requestVerificationIfNeeded(created, null);
        return created;
    }

    /** Replaces filter, delivery and cadence; a new address must be confirmed again, a webhook keeps its secret. */
    public Subscription update(String subscriber, String id, CreateSubscriptionRequest request) {
        Subscription current = get(subscriber, id);
        Delivery delivery = delivery(request.delivery(), current.delivery());
        SubscriptionStatus status = current.status() == SubscriptionStatus.PAUSED ? SubscriptionStatus.PAUSED
                : initialStatus(delivery);
        Subscription updated = save(current.with(filter(request.filter()), delivery, frequency(request.frequency()), status, now()));
        requestVerificationIfNeeded(updated, current.delivery());
        return updated;
    }

    public Page<Subscription> list(String subscriber, int page, int size) {
        return subscriptions.findBySubscriber(subscriber, PageRequest.of(page, size, Sort.by("createdAt", "_id")));
    }

    /** Someone else's subscription is answered exactly like one that does not exist, so ids reveal nothing. */
    public Subscription get(String subscriber, String id) {
        return subscriptions.findById(id).filter(s -> s.subscriber().equals(subscriber))
                .orElseThrow(() -> new NotFoundException("subscription", id));
    }

    public Subscription pause(String subscriber, String id) {
        Subscription current = get(subscriber, id);
        return current.status() == SubscriptionStatus.PAUSED ? current
                : save(current.with(SubscriptionStatus.PAUSED, null, now()));
    }

    /** Resumes a paused subscription, or re-enables one whose endpoint was switched off. */
    public Subscription resume(String subscriber, String id) {
        Subscription current = get(subscriber, id);
        if (current.status() == SubscriptionStatus.ACTIVE || current.status() == SubscriptionStatus.PENDING_VERIFICATION) {
            return current;
        }
        return save(current.with(initialStatus(current.delivery()), null, now()));
    }

    /**
     * Gives a webhook subscription a new signing secret. The old one keeps signing beside it for the overlap
     * ({@code herald.notification.secrets.rotation-overlap}), so messages carry both signatures while the
     * receiver switches over; a second rotation during the overlap drops the oldest.
     */
    public Subscription rotateSecret(String subscriber, String id) {
        Subscription current = get(subscriber, id);
        if (!current.delivery().callsWebhook()) {
            throw new ConflictException("only a WEBHOOK subscription has a signing secret to rotate");
        }
        Instant now = now();
        Delivery rotated = current.delivery().withSecrets(newSecret(), current.delivery().secret(), now.plus(rotationOverlap));
        return save(current.with(rotated).with(current.status(), current.statusReason(), now));
    }

    public void delete(String subscriber, String id) {
        if (subscriptions.deleteByIdAndSubscriber(id, subscriber) == 0) {
            throw new NotFoundException("subscription", id);
        }
        // other instances' indexes learn it from this at their next catch-up
        removals.save(new SubscriptionRemoval(id, now()));
        index.removed(id);
        events.publishEvent(new SubscriptionDeleted(id));
    }

    /**
     * What a signed unsubscribe link would end, without ending it: the subscription, or empty when it is gone
     * already. A link altered, expired or made for another purpose is refused.
     */
    public java.util.Optional<Subscription> toUnsubscribe(String token) {
        return subscriptions.findById(links.subject(SignedLinks.Purpose.UNSUBSCRIBE, token));
    }

    /** Follows a signed unsubscribe link: no login, and a second click finds nothing left to do. */
    public boolean unsubscribe(String token) {
        String id = links.subject(SignedLinks.Purpose.UNSUBSCRIBE, token);
        return subscriptions.findById(id).map(s -> {
            delete(s.subscriber(), s.id());
            return true;
        }).orElse(false);
    }

    /** The subscription a confirmation link is for, checked as confirming would check it, changing nothing. */
    public Subscription toVerify(String token) {
        String[] subject = links.subject(SignedLinks.Purpose.VERIFY_EMAIL, token).split("\n", 2);
        Subscription current = subscriptions.findById(subject[0]).orElseThrow(() -> new NotFoundException("subscription", subject[0]));
        if (current.delivery().type() != DeliveryType.EMAIL || !Objects.equals(current.delivery().email(), subject[1])) {
            throw new ConflictException("this link confirms an address the subscription no longer uses");
        }
        return current;
    }

    /** Follows a signed confirmation link; it confirms only the address it was sent to. */
    public Subscription verifyEmail(String token) {
        Subscription current = toVerify(token);
        if (current.delivery().emailVerified()) {
            return current;
        }
        SubscriptionStatus status = current.status() == SubscriptionStatus.PENDING_VERIFICATION ? SubscriptionStatus.ACTIVE
                : current.status();
        return save(current.with(current.filter(), current.delivery().verified(), current.frequency(), status, now()));
    }

    /** Switches a failing endpoint off until the subscriber resumes the subscription, and says why in the inbox. */
    public void disable(String id, String reason) {
        subscriptions.findById(id).filter(s -> s.status() == SubscriptionStatus.ACTIVE).ifPresent(s -> {
            save(s.with(SubscriptionStatus.DISABLED, reason, now()));
            events.publishEvent(new SubscriptionDisabled(s.id(), s.subscriber(), reason));
        });
    }

    public java.util.Optional<Subscription> find(String id) {
        return subscriptions.findById(id);
    }

    /**
     * Every subscription the article satisfies, found through the in-memory index and then read from the
     * store, so that one deleted or paused through another instance since the index last heard is not notified.
     */
    public List<Match> matching(ArticlePublished article) {
        List<SubscriptionMatch> found = index.current().match(new ArticleText(article.channel(), article.unit(),
                article.title(), article.subtitle(), article.body()));
        Map<String, SubscriptionMatch> byId = found.stream()
                .collect(Collectors.toMap(SubscriptionMatch::subscriptionId, Function.identity(), (a, b) -> a));
        List<String> ids = List.copyOf(byId.keySet());
        List<Match> matches = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += READ_BATCH) {
            for (Subscription s : subscriptions.findAllById(ids.subList(from, Math.min(ids.size(), from + READ_BATCH)))) {
                if (!s.status().matches()) {
                    continue;
                }
                SubscriptionMatch how = byId.get(s.id());
                matches.add(new Match(s, new MatchedBy(how.channel(), how.unit(),
                        how.keyword() != null ? how.keyword() : how.savedQuery())));
            }
        }
        return matches;
    }

    private Subscription save(Subscription subscription) {
        try {
            Subscription saved = subscriptions.save(subscription);
            index.changed(saved);
            return saved;
        } catch (OptimisticLockingFailureException raced) {
            throw new ConflictException("the subscription was changed at the same time; read it again and retry");
        }
    }

    private void requestVerificationIfNeeded(Subscription subscription, Delivery before) {
        Delivery d = subscription.delivery();
        boolean newAddress = before == null || !Objects.equals(before.email(), d.email());
        if (d.type() == DeliveryType.EMAIL && !d.emailVerified() && newAddress) {
            events.publishEvent(new EmailVerificationRequested(subscription.id(), subscription.subscriber(), d.email(),
                    links.verificationUrl(subscription.id(), d.email())));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static SubscriptionStatus initialStatus(Delivery delivery) {
        return delivery.type() == DeliveryType.EMAIL && !delivery.emailVerified()
                ? SubscriptionStatus.PENDING_VERIFICATION : SubscriptionStatus.ACTIVE;
    }

    private static SubscriptionFilter filter(FilterRequest request) {
        var filter = new SubscriptionFilter(clean(request.channels()), clean(request.units()), clean(request.keywords()),
                request.query());
        if (filter.hasNoCriteria()) {
            throw new InvalidRequestException("filter", "needs at least one of channels, units, keywords or query");
        }
        if (filter.keywords().stream().anyMatch(k -> ChineseText.normalize(k).isEmpty())) {
            throw new InvalidRequestException("filter.keywords", "must hold visible characters");
        }
        try {
            filter.criteria("validation");
        } catch (InvalidSearchException e) {
            throw new InvalidRequestException("filter.query", e.problem());
        } catch (IllegalArgumentException nothingSelects) {
            throw new InvalidRequestException("filter", "needs a channel, a unit, a keyword or a query that looks for something");
        }
        return filter;
    }

    private Delivery delivery(DeliveryRequest request, Delivery before) {
        switch (request.type()) {
            case WEBHOOK -> {
                noEmail(request);
                String url = webhookUrls.check(request.url());
                // a new URL keeps the secrets, a rotation under way included: the receiver is the same subscriber's
                return before != null && before.callsWebhook()
                        ? new Delivery(DeliveryType.WEBHOOK, url, before.secret(), before.previousSecret(),
                                before.previousSecretExpiresAt(), null, false)
                        : new Delivery(DeliveryType.WEBHOOK, url, newSecret(), null, null, null, false);
            }
            case EMAIL -> {
                if (request.url() != null && !request.url().isBlank()) {
                    throw new InvalidRequestException(WebhookUrl.FIELD, "is only allowed with WEBHOOK delivery");
                }
                String email = request.email() == null ? "" : request.email().strip();
                if (!Delivery.isEmailAddress(email)) {
                    throw new InvalidRequestException("delivery.email", "must be an e-mail address");
                }
                boolean verified = before != null && before.type() == DeliveryType.EMAIL && email.equals(before.email())
                        && before.emailVerified();
                return new Delivery(DeliveryType.EMAIL, null, null, null, null, email, verified);
            }
            default -> {
                if (request.url() != null && !request.url().isBlank()) {
                    throw new InvalidRequestException(WebhookUrl.FIELD, "is only allowed with WEBHOOK delivery");
                }
                noEmail(request);
                return Delivery.inbox();
            }
        }
    }

    private static void noEmail(DeliveryRequest request) {
        if (request.email() != null && !request.email().isBlank()) {
            throw new InvalidRequestException("delivery.email", "is only allowed with EMAIL delivery");
        }
    }

    private static Frequency frequency(FrequencyRequest request) {
        if (request == null) {
            return Frequency.immediate();
        }
        try {
            LocalTime at = request.dailyAt() == null ? null : LocalTime.parse(request.dailyAt());
            ZoneId zone = request.zone() == null ? null : ZoneId.of(request.zone());
            if (at != null && request.cadence() != Cadence.DAILY) {
                throw new InvalidRequestException("frequency.dailyAt", "is only for a DAILY cadence");
            }
            return new Frequency(request.cadence(), at, zone);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("frequency.dailyAt", "must be a time like 08:00");
        } catch (DateTimeException e) {
            throw new InvalidRequestException("frequency.zone", "must be a zone such as Asia/Shanghai");
        }
    }

    /** A Standard Webhooks secret: whsec_ and 32 random bytes in base64. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }
}
