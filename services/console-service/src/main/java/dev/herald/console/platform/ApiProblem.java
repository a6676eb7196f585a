package dev.herald.console.platform;

import java.util.List;

/**
 * A service's answer that is not a success: its status and its RFC 9457 problem (title, detail and the
 * fields it found wrong), so a page can show it as a message rather than fail.
 *
 * @param service the service that answered, for the message ("审核服务")
 */
public class ApiProblem extends RuntimeException {

    private final String service;
    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public ApiProblem(String service, int status, String title, String detail, List<FieldError> errors) {
        super(service + " answered " + status + ": " + (detail == null ? title : detail));
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One field the service refused, with its reason. */
    public record FieldError(String field, String message) {
    }
}
