package dev.herald.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The {@code type} of every problem a Herald service answers: a stable URI a client may branch on, listed
 * with its status and meaning in docs/problems.md. A status Herald has nothing more to say about is typed by
 * its reason phrase ({@code .../not-found}); the problems a client must tell apart from others of the same
 * status have types of their own.
 */
public final class ProblemTypes {

    public static final String BASE = "https://herald.dev/problems/";

    /** 400 naming each wrong field in {@code errors}: the request was read, and some of it is wrong. */
    public static final URI INVALID_REQUEST = of("invalid-request");
    /** 400 for a request that could not be read at all: a body that is not JSON, an undecodable query string. */
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    /** 409 for a change lost to another one made at the same time: reload and decide again. */
    public static final URI CONCURRENT_CHANGE = of("concurrent-change");

    /** The types named by this class, for the documentation test; services' own (four-eyes) are documented beside them. */
    static final List<URI> NAMED = List.of(INVALID_REQUEST, MALFORMED_REQUEST, CONCURRENT_CHANGE);

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }

    /** The type of a problem that is its status and no more: {@code 429} is {@code .../too-many-requests}. */
    public static URI forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? of("http-" + status.value()) : forStatus(known);
    }

    public static URI forStatus(int status) {
        return forStatus(HttpStatusCode.valueOf(status));
    }

    private static URI forStatus(HttpStatus status) {
        return of(status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }
}
