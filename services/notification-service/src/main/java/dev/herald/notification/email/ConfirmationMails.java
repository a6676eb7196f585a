package dev.herald.notification.email;

import dev.herald.notification.link.SignedLinks;
import dev.herald.notification.subscription.EmailVerificationRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Owes the mail that asks to confirm an address, whenever a subscription starts using one. It goes
 * through the same store and retries as every other mail.
 */
@Component
class ConfirmationMails {

    private final EmailMessages messages;
    private final MailComposer composer;
    private final SignedLinks links;
    private final Clock clock;

    ConfirmationMails(EmailMessages messages, MailComposer composer, SignedLinks links, Clock clock) {
        this.messages = messages;
        this.composer = composer;
        this.links = links;
        this.clock = clock;
    }

    @EventListener
    void requested(EmailVerificationRequested request) {
        String unsubscribe = links.unsubscribeUrl(request.subscriptionId());
        MailContent content = composer.confirmation(request.email(), request.verificationUrl(), unsubscribe);
        // each request is its own mail: the event comes once per address change, and a subscriber who
        // switched away and back again expects a fresh one
        String key = "confirm:" + request.subscriptionId() + ":" + UUID.randomUUID();
        messages.owe(EmailMessage.owed(key, EmailKind.CONFIRMATION, request.subscriptionId(), request.subscriber(),
                request.email(), content, unsubscribe, List.of(), clock.instant()));
    }
}
