package dev.herald.ingest.report;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Submissions that try to smuggle MongoDB operators, or come too fast, are refused before they reach anything. */
@SpringBootTest(properties = {
        "herald.rate-limits.groups.submission.burst=3",
        "herald.rate-limits.groups.submission.per-minute=1"})
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class HostileSubmissionTest {

    @Autowired
    MockMvcTester http;

    @Autowired
    ReportRepository reports;

    @Test
    void operatorObjectsWhereStringsBelongAndOperatorOrDottedKeysAreRefused() {
        long before = reports.count();

        assertThat(submit("""
                {"channel":{"$gt":""},"title":"t","body":"b"}""", "10.0.0.1"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("channel");
        assertThat(submit("""
                {"unit":"某单位","channel":"党建新闻","title":"t","body":"b","$where":"sleep(1000)"}""", "10.0.0.1"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("$where");
        assertThat(submit("""
                {"unit":"某单位","channel":"党建新闻","title":"t","body":"b","status.x":"PUBLISHED"}""", "10.0.0.1"))
                .hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(reports.count()).isEqualTo(before);
    }

    @Test
    void aUnitOverItsRateGets429WithRetryAfterWhileOtherUnitsGoOnFromTheSameAddress() {
        String body = """
                {"channel":"党建新闻","title":"限流","body":"正文"}""";
        for (int i = 0; i < 3; i++) {
            assertThat(submitAs("限流单位甲", body)).hasStatus(202);
        }

        MvcTestResult refused = submitAs("限流单位甲", body);

        assertThat(refused).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Integer.parseInt(refused.getResponse().getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(submitAs("限流单位乙", body)).hasStatus(202);
        assertThat(http.get().uri("/api/reports/rpt-anything").with(TestTokens.unit("限流单位甲"))).hasStatus(404);
    }

    private MvcTestResult submitAs(String unit, String json) {
        return http.post().uri("/api/reports").with(remote("10.9.9.9")).with(TestTokens.unit(unit))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult submit(String json, String client) {
        return http.post().uri("/api/reports").with(remote(client)).with(TestTokens.unit("某单位"))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
