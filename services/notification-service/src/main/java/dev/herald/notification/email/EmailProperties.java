package dev.herald.notification.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How mails are sent; where to (host, port, credentials) is Spring's own {@code spring.mail.*}.
 *
 * @param from           the sender, e.g. {@code Herald 通知 <noreply@example.org>}
 * @param pollInterval   how often the dispatcher looks for mails that are due
 * @param batchSize      the most mails one pass sends
 * @param maxAttempts    attempts before a mail is given up as FAILED
 * @param initialBackoff the wait after the first failed attempt; each later wait is {@code multiplier} times longer
 * @param maxBackoff     the longest wait between attempts
 * @param lease          how long a mail being sent stays hidden from other instances: longer than the SMTP
 *                       timeouts of {@code spring.mail.properties.mail.smtp.*} together
 */
@ConfigurationProperties("herald.notification.email")
public record EmailProperties(String from, Duration pollInterval, Integer batchSize, Integer maxAttempts,
                              Duration initialBackoff, Double multiplier, Duration maxBackoff, Duration lease) {

    public EmailProperties {
        from = from == null || from.isBlank() ? "Herald <noreply@herald.localhost>" : from.strip();
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batchSize = batchSize == null ? 20 : batchSize;
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
        multiplier = multiplier == null ? 3.0 : multiplier;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        if (maxAttempts < 1 || batchSize < 1 || multiplier < 1.0) {
            throw new IllegalArgumentException("max-attempts and batch-size must be positive and multiplier at least 1");
        }
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    Duration backoffAfter(int failedAttempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}
