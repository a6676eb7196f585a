package dev.herald.infra.embedded.hostile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostilePayloadsTest {

    private final HostilePayloads payloads = new HostilePayloads(
            Map.of("name", "南宁", "tags", List.of("党建"), "delivery", Map.of("type", "INBOX")),
            List.of(Field.text("name", true, 10), Field.textList("tags", 2), Field.oneOf("delivery.type", "INBOX")), 1_000);

    @Test
    void theSameSeedReplaysTheSameCases() {
        assertThat(payloads.generate(50, 7L)).isEqualTo(payloads.generate(50, 7L));
        assertThat(payloads.generate(50, 7L)).isNotEqualTo(payloads.generate(50, 8L));
    }

    @Test
    void noCaseIsTheValidExampleAndEveryKindOfBreakageTurnsUp() {
        List<HostileCase> cases = payloads.generate(600, 1L);

        assertThat(cases).noneMatch(c -> c.body().equals(payloads.validBody()) && c.contentType().equals("application/json"));
        assertThat(cases).extracting(HostileCase::description).anyMatch(d -> d.contains("missing name"))
                .anyMatch(d -> d.contains("operator object")).anyMatch(d -> d.contains("wrong type"))
                .anyMatch(d -> d.contains("over-long name")).anyMatch(d -> d.contains("too many items in tags"))
                .anyMatch(d -> d.contains("operator or dotted key")).anyMatch(d -> d.contains("unknown value of delivery.type"))
                .anyMatch(d -> d.contains("body over 1000 bytes")).anyMatch(d -> d.contains("truncated JSON"))
                .anyMatch(d -> d.contains("wrong content type"));
    }

    @Test
    void nonAsciiTextIsEscapedSoEvenLoneSurrogatesTravelAsValidJsonText() {
        assertThat(Json.write(Map.of("t", "党\uD800<"))).isEqualTo("{\"t\":\"\\u515a\\ud800<\"}");
    }
}
