package dev.herald.support.web;

import dev.herald.support.resilience.TransientFailures;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error leaves as RFC 9457 problem+json. Client mistakes name the field that is wrong;
 * anything unexpected is a bare 500 whose details stay in the log.
 */
@RestControllerAdvice
// after SecurityRefusalAdvice (when security is present), whose 403 and 400 its catch-all would otherwise turn into a 500
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .toList();
        ProblemDetail problem = invalid(errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (findCause(ex, PayloadTooLargeException.class) instanceof PayloadTooLargeException tooLarge) {
            return handleExceptionInternal(ex, tooLarge(tooLarge), headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem;
        if (findCause(ex, JacksonException.class) instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = json instanceof tools.jackson.databind.exc.UnrecognizedPropertyException
                    ? "is not accepted: field names may not start with '$' or contain '.'"
                    : "has the wrong type or format";
            problem = invalid(List.of(new FieldError(field, message)));
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not readable JSON.");
            problem.setTitle("Malformed request");
            problem.setType(ProblemTypes.MALFORMED_REQUEST);
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        return Problems.answer(invalid(List.of(new FieldError(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        return Problems.answer(invalid(e.getConstraintViolations().stream()
                .map(v -> new FieldError(leaf(v.getPropertyPath().toString()), v.getMessage())).toList()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.answer(invalid(List.of(new FieldError(e.getName(), "has the wrong type or format"))));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.answer(HttpStatus.NOT_FOUND, "Not found", ProblemTypes.forStatus(HttpStatus.NOT_FOUND), e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return Problems.answer(HttpStatus.CONFLICT, e.title(), e.type() != null ? e.type() : ProblemTypes.forStatus(HttpStatus.CONFLICT),
                e.getMessage());
    }

    @ExceptionHandler(UnprocessableException.class)
    ResponseEntity<ProblemDetail> unprocessable(UnprocessableException e) {
        return Problems.answer(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable request",
                ProblemTypes.forStatus(HttpStatus.UNPROCESSABLE_CONTENT), e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return Problems.answer(HttpStatus.CONFLICT, "Conflict", ProblemTypes.CONCURRENT_CHANGE,
                "The resource was changed by another request at the same time; reload it and decide again.");
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException e) {
        return Problems.answer(tooLarge(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (TransientFailures.isTransient(e)) {
            // the store or the broker is away: nothing was kept, and the same request will work once it is back
            log.warn("Request refused while a dependency is unavailable: {}", e.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "A service this request needs is unavailable for the moment; nothing was changed. Try again shortly.");
            problem.setTitle("Service unavailable");
            problem.setType(ProblemTypes.forStatus(HttpStatus.SERVICE_UNAVAILABLE));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        log.error("Unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server failed to handle the request; it has been logged.");
        problem.setTitle("Internal error");
        problem.setType(ProblemTypes.forStatus(HttpStatus.INTERNAL_SERVER_ERROR));
        return Problems.answer(problem);
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setType(ProblemTypes.INVALID_REQUEST);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail tooLarge(PayloadTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Request too large");
        problem.setType(ProblemTypes.forStatus(HttpStatus.CONTENT_TOO_LARGE));
        return problem;
    }

    /**
     * Spring's own refusals (405, 406, 415, a missing parameter, an ErrorResponseException a controller throws) leave
     * typed by their status like Herald's, rather than as {@code about:blank}.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(ProblemTypes.forStatus(statusCode));
            }
            HttpHeaders typed = new HttpHeaders();
            typed.putAll(headers);
            typed.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            headers = typed;
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /**
     * An Accept header nobody can read ({@code *}{@code /*; q=abc}, a charset no one knows) is the client's mistake, a 400,
     * where Spring would answer 406 for want of an acceptable type it never could have found.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex, HttpHeaders headers,
                                                                      HttpStatusCode status, WebRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        try {
            if (accept != null) MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The Accept header cannot be read as a list of media types.");
            problem.setTitle("Malformed request");
            problem.setType(ProblemTypes.MALFORMED_REQUEST);
            return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
        }
        return super.handleHttpMediaTypeNotAcceptable(ex, headers, status, request);
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static Throwable findCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
