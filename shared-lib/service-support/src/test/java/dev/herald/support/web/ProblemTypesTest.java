package dev.herald.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypesTest {

    /** The statuses a Herald service answers with a problem. */
    private static final List<HttpStatus> ANSWERED = List.of(HttpStatus.BAD_REQUEST, HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN,
            HttpStatus.NOT_FOUND, HttpStatus.METHOD_NOT_ALLOWED, HttpStatus.NOT_ACCEPTABLE, HttpStatus.CONFLICT,
            HttpStatus.CONTENT_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNPROCESSABLE_CONTENT,
            HttpStatus.TOO_MANY_REQUESTS, HttpStatus.INTERNAL_SERVER_ERROR, HttpStatus.SERVICE_UNAVAILABLE);

    @Test
    void aProblemThatIsItsStatusIsTypedByItsReasonPhrase() {
        assertThat(ProblemTypes.forStatus(HttpStatus.TOO_MANY_REQUESTS)).isEqualTo(URI.create("https://herald.dev/problems/too-many-requests"));
        assertThat(ProblemTypes.forStatus(413)).isEqualTo(URI.create("https://herald.dev/problems/content-too-large"));
        assertThat(ProblemTypes.forStatus(499)).isEqualTo(URI.create("https://herald.dev/problems/http-499"));
    }

    @Test
    void everyTypeAServiceAnswersIsDocumentedInOnePlace() throws IOException {
        String page = Files.readString(Path.of("../../docs/problems.md"));
        List<URI> types = new ArrayList<>(ProblemTypes.NAMED);
        ANSWERED.forEach(status -> types.add(ProblemTypes.forStatus(status)));

        assertThat(types).allSatisfy(type -> assertThat(page).contains("`" + type + "`"));
    }
}
