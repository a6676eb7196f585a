package dev.herald.search.query;

import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/** Anonymous readers are told apart by address: one that searches too fast waits, the others do not. */
@SpringBootTest(properties = {
        "herald.search.index-path=${java.io.tmpdir}/search-rate-test-${random.uuid}",
        "herald.rate-limits.groups.search.burst=2",
        "herald.rate-limits.groups.search.per-minute=1"})
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class SearchRateLimitTest {

    @Autowired
    MockMvcTester http;

    @Test
    void aReaderOverTheRateWaitsWhileOthersSearchOn() {
        assertThat(http.get().uri("/api/search?q=疫情").with(from("10.1.1.1"))).hasStatusOk();
        assertThat(http.get().uri("/api/search?q=疫情").with(from("10.1.1.1"))).hasStatusOk();

        var refused = http.get().uri("/api/search?q=疫情").with(from("10.1.1.1")).exchange();

        assertThat(refused).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(http.get().uri("/api/search?q=疫情").with(from("10.1.1.2"))).hasStatusOk();
        assertThat(http.get().uri("/api/articles/nope").with(from("10.1.1.1"))).hasStatus(404);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
