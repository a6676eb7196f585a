package dev.herald.support.web;

import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A request that fails because the store or the broker is away was not the client's fault and changed
 * nothing: it is a 503 problem that says to try again, never a 500.
 */
class UnavailableDependencyTest {

    @RestController
    static class Failing {

        @GetMapping("/store-away")
        String storeAway() {
            throw new DataAccessResourceFailureException("Timed out while waiting for a server",
                    new MongoTimeoutException("Timed out after 5000 ms while waiting for a server"));
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("a bug");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemDetailsAdvice()).build();

    @Test
    void aStoreThatDoesNotAnswerIsA503ProblemWithRetryAfter() throws Exception {
        mvc.perform(get("/store-away"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Service unavailable"));
    }

    @Test
    void aFailureOfTheCodeItselfIsStillA500Problem() throws Exception {
        mvc.perform(get("/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
