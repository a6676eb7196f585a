package dev.herald.notification.email;

import dev.herald.notification.delivery.DeliveryChannel;
import dev.herald.notification.delivery.Notice;
import dev.herald.notification.link.SignedLinks;
import dev.herald.notification.subscription.DeliveryType;
import dev.herald.notification.subscription.Subscription;
import dev.herald.support.tracing.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Owes one mail per call, written when owed and stored under the call's key; {@link EmailDispatcher}
 * sends it. An address nobody has confirmed is owed nothing.
 */
@Component
class EmailChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final EmailMessages messages;
    private final MailComposer composer;
    private final SignedLinks links;
    private final Clock clock;
    private final TraceContexts traces;

    EmailChannel(EmailMessages messages, MailComposer composer, SignedLinks links, Clock clock, TraceContexts traces) {
        this.traces = traces;
        this.messages = messages;
        this.composer = composer;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public DeliveryType type() {
        return DeliveryType.EMAIL;
    }

    @Override
    public void deliver(Subscription subscription, List<Notice> notices, String key) {
        if (!subscription.delivery().mails() || notices.isEmpty()) {
            log.debug("subscription {} has no confirmed address; nothing mailed for {}", subscription.id(), key);
            return;
        }
        String unsubscribe = links.unsubscribeUrl(subscription.id());
        MailContent content = composer.notices(notices, subscription.frequency().zone(), unsubscribe);
        messages.owe(EmailMessage.owed(key, EmailKind.NOTICES, subscription.id(), subscription.subscriber(),
                subscription.delivery().email(), content, unsubscribe,
                notices.stream().map(Notice::notificationId).toList(), clock.instant()).inTrace(traces.current()));
    }
}
