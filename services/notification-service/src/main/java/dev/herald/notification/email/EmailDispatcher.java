package dev.herald.notification.email;

import dev.herald.support.periodic.PeriodicPass;
import dev.herald.notification.subscription.Delivery;
import dev.herald.notification.subscription.DeliveryType;
import dev.herald.notification.subscription.Subscription;
import dev.herald.notification.subscription.SubscriptionService;
import dev.herald.support.tracing.TraceContexts;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends the mails that are due, one attempt each per pass. Whether a mail is still wanted is decided at
 * sending time, from the subscription as it is then: a notice goes only to the confirmed address of an
 * ACTIVE subscription, a confirmation request only to an address still waiting for confirmation, a desk's
 * mail only to an address the desk still has.
 * A failed attempt waits an exponentially growing back-off until the attempts run out; without a
 * reachable SMTP server mails simply wait, and the service runs on.
 */
@Component
class EmailDispatcher extends PeriodicPass {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

    private final EmailMessages messages;
    private final SmtpMailer mailer;
    private final SubscriptionService subscriptions;
    private final DeskMail deskMail;
    private final EmailProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final TraceContexts traces;

    EmailDispatcher(EmailMessages messages, SmtpMailer mailer, SubscriptionService subscriptions, DeskMail deskMail,
                    EmailProperties properties, MeterRegistry meters, Clock clock, TraceContexts traces) {
        // let a send under way finish; if it does not, its lease frees the mail for the next run
        super("email-dispatcher", properties.pollInterval(), java.time.Duration.ofSeconds(15));
        this.messages = messages;
        this.mailer = mailer;
        this.subscriptions = subscriptions;
        this.deskMail = deskMail;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.traces = traces;
    }

    /** One pass; returns how many mails it took up. */
    int dispatchDue() {
        int attempted = 0;
        Instant now = clock.instant();
        for (EmailMessage due : messages.due(now, properties.batchSize())) {
            Optional<EmailMessage> claimed = messages.claim(due.key(), now, now.plus(properties.lease()));
            if (claimed.isPresent()) {
                attempt(claimed.get());
                attempted++;
            }
        }
        return attempted;
    }

    /** One attempt is a span in the trace the mail was owed in, however much later it is made. */
    private void attempt(EmailMessage message) {
        traces.inSpan("email delivery attempt", message.traceparent(), java.util.Map.of("herald.email.key", message.key(),
                "herald.attempt", String.valueOf(message.attemptCount() + 1)), () -> attemptTraced(message));
    }

    private void attemptTraced(EmailMessage message) {
        Optional<String> unwanted = unwanted(message);
        if (unwanted.isPresent()) {
            if (settled(message, messages.cancelled(message, unwanted.get(), clock.instant()))) {
                EmailMeters.count(meters, message.kind(), "cancelled");
                log.info("Mail {} not sent: {}", message.key(), unwanted.get());
            }
            return;
        }
        try {
            mailer.send(message);
            if (settled(message, messages.sent(message, clock.instant()))) {
                EmailMeters.count(meters, message.kind(), "delivered");
            }
        } catch (MailPreparationException | MailParseException e) {
            giveUp(message, message.attemptCount() + 1, describe(e));
        } catch (MailException e) {
            int attempts = message.attemptCount() + 1;
            if (attempts >= properties.maxAttempts()) {
                giveUp(message, attempts, describe(e));
            } else {
                Instant next = clock.instant().plus(properties.backoffAfter(attempts));
                if (settled(message, messages.retryLater(message, describe(e), next))) {
                    EmailMeters.count(meters, message.kind(), "retried");
                    log.info("Mail {} attempt {} failed ({}); next at {}", message.key(), attempts, describe(e), next);
                }
            }
        }
    }

    private void giveUp(EmailMessage message, int attempts, String error) {
        if (settled(message, messages.failed(message, error, clock.instant()))) {
            EmailMeters.count(meters, message.kind(), "failed");
            log.warn("Mail {} to subscription {} failed for good after {} attempts; last: {}",
                    message.key(), message.subscriptionId(), attempts, error);
        }
    }

    /** An attempt that outlived its lease leaves the mail to the instance that claimed it since. */
    private static boolean settled(EmailMessage message, boolean settled) {
        if (!settled) {
            log.warn("Mail {}: an attempt's outcome was dropped, as the mail was cancelled or taken over by another instance meanwhile",
                    message.key());
        }
        return settled;
    }

    private Optional<String> unwanted(EmailMessage message) {
        if (message.kind() == EmailKind.DESK) {
            return deskMail.stillWanted(message) ? Optional.empty() : Optional.of("the address no longer belongs to the desk");
        }
        Optional<Subscription> found = subscriptions.find(message.subscriptionId());
        if (found.isEmpty()) {
            return Optional.of("the subscription is gone");
        }
        Subscription subscription = found.get();
        Delivery delivery = subscription.delivery();
        if (delivery.type() != DeliveryType.EMAIL || !message.to().equals(delivery.email())) {
            return Optional.of("the subscription no longer mails this address");
        }
        if (message.kind() == EmailKind.CONFIRMATION) {
            return delivery.emailVerified() ? Optional.of("the address is confirmed already") : Optional.empty();
        }
        if (!delivery.emailVerified()) {
            return Optional.of("the address is not confirmed");
        }
        return subscription.status().delivers() ? Optional.empty()
                : Optional.of("the subscription is " + subscription.status());
    }

    private static String describe(MailException e) {
        Throwable cause = e.getMostSpecificCause();
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        text = text.replaceAll("\\s+", " ");
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    @Override
    protected void pass() {
        dispatchDue();
    }
}
