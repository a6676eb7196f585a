package dev.herald.ingest.report;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import dev.herald.infra.embedded.hostile.Field;
import dev.herald.infra.embedded.hostile.HostileCase;
import dev.herald.infra.embedded.hostile.HostilePayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "herald.rate-limits.enabled=false")
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class GeneratedHostileSubmissionsTest {

    static final HostilePayloads SUBMISSIONS = new HostilePayloads(
            Map.of("channel", "党建新闻", "title", "如意先锋战疫情 党旗一线红",
                    "subtitle", "——南宁市中医医院党委抗击疫情纪实", "body", "自新冠肺炎疫情防控工作开展以来……",
                    "author", "党委办公室", "contributor", "南宁市中医医院 张贵玲", "sourceUrl", "https://example.org/a.html",
                    "originalPublishedAt", "2020-04-02", "tags", List.of("抗击疫情")),
            List.of(Field.text("channel", true, 50), Field.text("title", true, 200),
                    Field.text("subtitle", false, 300), Field.text("body", true, 60_000), Field.text("author", false, 100),
                    Field.text("contributor", false, 200), Field.text("sourceUrl", false, 2_000),
                    Field.text("originalPublishedAt", false, 40), Field.textList("tags", 20)),
            512 * 1024);

    static final org.springframework.test.web.servlet.request.RequestPostProcessor UNIT = TestTokens.unit("南宁市中医医院党委");

    @Autowired
    MockMvcTester http;

    @Autowired
    ReportRepository reports;

    @Test
    void everyGeneratedHostileSubmissionIsAProblemAndNothingIsStoredOrEmitted() {
        long before = reports.count();
        List<String> wrong = new ArrayList<>();

        List<HostileCase> cases = SUBMISSIONS.generate(600, 20261122L);
        for (HostileCase hostile : cases) {
            MockHttpServletResponse response = http.post().uri("/api/reports").with(UNIT)
                    .contentType(hostile.contentType()).content(hostile.body()).exchange().getResponse();
            if (!isClientProblem(response)) {
                wrong.add(hostile + " -> " + response.getStatus() + " " + response.getContentType() + " "
                        + new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
            }
        }

        assertThat(cases).hasSize(600);
        assertThat(wrong).isEmpty();
        // events leave only from a stored report's outbox, so no stored report means nothing emitted
        assertThat(reports.count()).isEqualTo(before);
        // and the same harness does get good input through, so the refusals above are the endpoint's
        assertThat(http.post().uri("/api/reports").with(UNIT).contentType("application/json").content(SUBMISSIONS.validBody()))
                .hasStatus(202);
        assertThat(reports.count()).isEqualTo(before + 1);
    }

    static boolean isClientProblem(MockHttpServletResponse response) {
        return response.getStatus() >= 400 && response.getStatus() < 500
                && response.getContentType() != null && response.getContentType().startsWith("application/problem+json");
    }
}
