package dev.herald.support.security;

import dev.herald.support.web.ProblemTypes;
import dev.herald.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals the security layer raises inside a controller's dispatch are problems, not unexpected failures: an
 * access rule's 403, and the request firewall's 400. The firewall judges a header or a parameter when it is first
 * read, which is often the controller (a header holding bytes no header may hold, a form body whose "names" are
 * JSON sent under the wrong content type), long after its filter let the request through.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityRefusalAdvice {

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return Problems.answer(HttpStatus.FORBIDDEN, "Forbidden", ProblemTypes.forStatus(HttpStatus.FORBIDDEN), e.getMessage());
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return Problems.answer(HttpStatus.BAD_REQUEST, "Malformed request", ProblemTypes.MALFORMED_REQUEST,
                "The request is malformed: a header or a parameter holds characters that are not allowed.");
    }
}
