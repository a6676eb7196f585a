package dev.herald.notification.email;

import dev.herald.notification.link.SignedLinks;
import dev.herald.notification.subscription.EmailVerificationRequested;
import dev.herald.support.web.RateLimitProperties;
import dev.herald.support.web.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Owes the mail that asks to confirm an address, whenever a subscription starts using one. It goes
 * through the same store and retries as every other mail. Mails to one address are limited whoever
 * asks for them ({@code herald.rate-limits.groups.confirmation-mail}), so that nobody can use Herald to
 * flood a stranger's mailbox; one over the limit is not sent, and the subscription waits for its
 * confirmation as before.
 */
@Component
class ConfirmationMails {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationMails.class);

    private final EmailMessages messages;
    private final MailComposer composer;
    private final SignedLinks links;
    private final Clock clock;
    private final RateLimiter perAddress;

    ConfirmationMails(EmailMessages messages, MailComposer composer, SignedLinks links, Clock clock, RateLimitProperties limits) {
        this.messages = messages;
        this.composer = composer;
        this.links = links;
        this.clock = clock;
        this.perAddress = limits.enabled()
                ? new RateLimiter(limits.group(RateLimitProperties.CONFIRMATION_MAIL), limits.maxClients(), clock) : null;
    }

    @EventListener
    void requested(EmailVerificationRequested request) {
        if (perAddress != null && perAddress.take(request.email().strip().toLowerCase(java.util.Locale.ROOT)) > 0) {
            log.info("confirmation mail for subscription {} not sent: too many to that address lately", request.subscriptionId());
            return;
        }
        String unsubscribe = links.unsubscribeUrl(request.subscriptionId());
        MailContent content = composer.confirmation(request.email(), request.verificationUrl(), unsubscribe);
        // each request is its own mail: the event comes once per address change, and a subscriber who
        // switched away and back again expects a fresh one
        String key = "confirm:" + request.subscriptionId() + ":" + UUID.randomUUID();
        messages.owe(EmailMessage.owed(key, EmailKind.CONFIRMATION, request.subscriptionId(), request.subscriber(),
                request.email(), content, unsubscribe, List.of(), clock.instant()));
    }
}
