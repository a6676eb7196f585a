package dev.herald.notification.subscription;

import dev.herald.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The subscriber a request acts for: always the one its token names, so nobody can act for someone
 * else by putting another name in a body or a path.
 */
public final class ActingSubscriber {

    private ActingSubscriber() {
    }

    public static String current() {
        String subscriber = Caller.current().subscriber();
        if (subscriber == null || subscriber.isBlank()) {
            // a SUBSCRIBER token from an issuer that left the claim out acts for nobody; the fault is the token's
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "the token names no subscriber"), null);
        }
        // stripped, as the name from the body used to be, so stored names and inbox paths compare alike
        return subscriber.strip();
    }
}
