package dev.herald.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a request whose query string (or form body) is not valid percent-encoded UTF-8 before anything
 * reads it. Tomcat reports such parameters by throwing from whichever call reads them first, which could be
 * a controller, the security chain or a filter, and each would turn it into a 500 of its own.
 */
public final class MalformedQueryFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException malformed) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                    "The query string is not valid percent-encoded UTF-8.");
            return;
        }
        chain.doFilter(request, response);
    }
}
