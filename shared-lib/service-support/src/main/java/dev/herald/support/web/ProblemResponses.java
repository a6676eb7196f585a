package dev.herald.support.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem+json answer from a servlet filter, where no MVC advice runs. Callers pass ASCII
 * title and detail, so the body is written as bytes and the media type needs no charset parameter.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** A problem that is its status and no more, typed by it ({@link ProblemTypes#forStatus}). */
    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        write(response, status, ProblemTypes.forStatus(status), title, detail);
    }

    public static void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(body(type, status.value(), title, detail).getBytes(StandardCharsets.US_ASCII));
    }

    /** The problem document itself, for writers that have no servlet response to hand (Tomcat's error report). */
    static String body(int status, String title, String detail) {
        return body(ProblemTypes.forStatus(status), status, title, detail);
    }

    private static String body(URI type, int status, String title, String detail) {
        return "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }
}
