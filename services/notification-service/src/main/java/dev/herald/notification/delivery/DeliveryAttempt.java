package dev.herald.notification.delivery;

import java.time.Instant;

/**
 * One call to a webhook.
 *
 * @param httpStatus the receiver's answer, null when there was none
 * @param error      why the call failed without an answer (timeout, refused connection), else null
 */
public record DeliveryAttempt(Instant at, Integer httpStatus, String error, long durationMillis) {

    public boolean succeeded() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }
}
