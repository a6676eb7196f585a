package dev.herald.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.net.URI;

/**
 * Requests a page makes by itself (htmx fragments, the inbox's live stream) cannot follow a person to the
 * issuer's sign-in page: htmx would swap that page into a fragment, and EventSource would not show it at all.
 * When the console's session has expired, or the token needs the issuer again, they get a 401 instead; htmx is
 * told, with {@code HX-Redirect}, to load the page the person is on, which as a page sends them to sign in and
 * brings them back to it. Page requests keep the ordinary redirect.
 */
final class HtmxSignIn implements AuthenticationEntryPoint, RedirectStrategy {

    /** htmx marks its requests; EventSource asks for a stream. */
    static final RequestMatcher BACKGROUND = request -> "true".equals(request.getHeader("HX-Request"))
            || String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).contains(MediaType.TEXT_EVENT_STREAM_VALUE);

    private final RedirectStrategy pages = new DefaultRedirectStrategy();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException expired) {
        signInAgain(request, response);
    }

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        if (BACKGROUND.matches(request)) {
            signInAgain(request, response);
        } else {
            pages.sendRedirect(request, response, url);
        }
    }

    private static void signInAgain(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", pageOf(request.getHeader("HX-Current-URL")));
        }
    }

    /** The path (and query) of the page htmx says the person is on; the front page when it says nothing usable. */
    static String pageOf(String currentUrl) {
        if (currentUrl == null || currentUrl.isBlank()) {
            return "/";
        }
        try {
            URI page = URI.create(currentUrl.strip());
            String path = page.getRawPath();
            // only a path of this console: never somewhere else a crafted header might point
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return page.getRawQuery() == null ? path : path + "?" + page.getRawQuery();
        } catch (IllegalArgumentException unreadable) {
            return "/";
        }
    }
}
