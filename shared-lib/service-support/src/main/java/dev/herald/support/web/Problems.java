package dev.herald.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** Problems as the services' advice answers them. */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> answer(HttpStatus status, String title, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(type);
        return answer(problem);
    }

    /**
     * Typed as problem+json here, not by negotiating with the request's Accept header: a client asking for HTML or
     * sending an Accept header nobody can read still learns what went wrong, where negotiation would leave the body empty.
     */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
