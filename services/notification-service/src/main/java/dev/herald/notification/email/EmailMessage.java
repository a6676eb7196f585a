package dev.herald.notification.email;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One mail owed, keyed by what it is for (a notice, a digest window, a confirmation request) so there is
 * never a second. It is rendered when owed, so what is stored is what goes out, whatever the templates
 * or the article become later.
 *
 * @param to              the address as it was when the mail was owed; a subscription that moved on is not mailed
 * @param notificationIds the inbox notices the mail carries, so a notice can show where it went
 * @param nextAttemptAt when the dispatcher may try again; pushed ahead while an attempt is under way
 * @param claim         the token of the attempt under way, which only that attempt's outcome may settle
 * @param lastError     why the last attempt failed, for whoever reads the store
 * @param traceparent   the W3C trace context the mail was owed in (a report's trace, for a notice): each attempt
 *                      is a span in that trace
 */
@Document("email_messages")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
public record EmailMessage(@Id String key, EmailKind kind, @Indexed String subscriptionId, String subscriber, String to,
                           String subject, String text, String html, String unsubscribeUrl,
                           @Indexed List<String> notificationIds, int noticeCount,
                           EmailStatus status, int attemptCount, String lastError, Instant nextAttemptAt,
                           Instant createdAt, Instant completedAt, String claim, String traceparent) {

    static EmailMessage owed(String key, EmailKind kind, String subscriptionId, String subscriber, String to,
                             MailContent content, String unsubscribeUrl, List<String> notificationIds, Instant now) {
        return new EmailMessage(key, kind, subscriptionId, subscriber, to, content.subject(), content.text(),
                content.html(), unsubscribeUrl, List.copyOf(notificationIds), notificationIds.size(), EmailStatus.PENDING, 0, null, now, now, null, null, null);
    }

    /** This mail, owed in the given trace. */
    EmailMessage inTrace(String traceparent) {
        return new EmailMessage(key, kind, subscriptionId, subscriber, to, subject, text, html, unsubscribeUrl, notificationIds,
                noticeCount, status, attemptCount, lastError, nextAttemptAt, createdAt, completedAt, claim, traceparent);
    }
}
