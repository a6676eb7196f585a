package dev.herald.notification.digest;

import dev.herald.support.periodic.PeriodicPass;
import dev.herald.notification.delivery.DeliveryChannel;
import dev.herald.notification.delivery.Notice;
import dev.herald.notification.subscription.DeliveryType;
import dev.herald.notification.subscription.Subscription;
import dev.herald.notification.subscription.SubscriptionService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Closes the windows that have ended and hands each one's notices to the subscription's channel as one
 * message. A window whose subscription no longer delivers (paused, deleted, disabled, waiting for an
 * address to be confirmed) is dropped: its notices stay in the inbox and are not saved for later.
 */
@Component
class DigestScheduler extends PeriodicPass {

    static final String METER = "herald.notifications.digests";
    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final Digests digests;
    private final SubscriptionService subscriptions;
    private final Map<DeliveryType, DeliveryChannel> channels = new EnumMap<>(DeliveryType.class);
    private final DigestProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    DigestScheduler(Digests digests, SubscriptionService subscriptions, List<DeliveryChannel> channels,
                    DigestProperties properties, MeterRegistry meters, Clock clock) {
        // a window being handed over is stored by its channel in moments; if not, its lease frees it
        super("digest-scheduler", properties.pollInterval(), java.time.Duration.ofSeconds(10));
        this.digests = digests;
        this.subscriptions = subscriptions;
        channels.forEach(c -> this.channels.put(c.type(), c));
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** One pass; returns how many windows it closed. */
    int closeDue() {
        int closed = 0;
        Instant now = clock.instant();
        Instant endedBy = now.minus(properties.grace());
        for (DigestWindow due : digests.due(endedBy, properties.batchSize())) {
            Optional<DigestWindow> claimed = digests.claim(due.id(), endedBy, now.plus(properties.lease()));
            if (claimed.isPresent()) {
                try {
                    close(claimed.get());
                    closed++;
                } catch (RuntimeException e) {
                    // the lease runs out and a later pass tries again; the channel's key keeps that to one message
                    log.warn("Digest window {} could not be sent: {}", due.id(), e.toString());
                }
            }
        }
        return closed;
    }

    private void close(DigestWindow window) {
        Optional<Subscription> found = subscriptions.find(window.subscriptionId());
        if (found.isEmpty()) {
            drop(window, "none", "subscription deleted");
            return;
        }
        Subscription subscription = found.get();
        String channelName = subscription.delivery().type().name().toLowerCase(Locale.ROOT);
        DeliveryChannel channel = channels.get(subscription.delivery().type());
        if (channel == null) {
            drop(window, channelName, "the subscription has no outward channel");
        } else if (!subscription.status().delivers()) {
            drop(window, channelName, "subscription " + subscription.status());
        } else {
            List<Notice> notices = digests.notices(window);
            if (notices.isEmpty()) {
                drop(window, channelName, "no notices");
                return;
            }
            channel.deliver(subscription, notices, window.deliveryKey());
            // refused when this pass outlived its lease: the instance that took the window over closes it
            if (digests.sent(window, notices.size())) {
                count(channelName, "sent");
            }
        }
    }

    private void drop(DigestWindow window, String channel, String reason) {
        if (digests.dropped(window, reason)) {
            count(channel, "dropped");
            log.debug("Digest window {} dropped: {}", window.id(), reason);
        }
    }

    private void count(String channel, String outcome) {
        Counter.builder(METER).description("Digest windows closed, by the subscription's channel and outcome")
                .tags("channel", channel, "outcome", outcome).register(meters).increment();
    }

    @Override
    protected void pass() {
        closeDue();
    }
}
