package dev.herald.ingest;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import dev.herald.infra.embedded.hostile.Field;
import dev.herald.infra.embedded.hostile.HostileCase;
import dev.herald.infra.embedded.hostile.HostilePayloads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write endpoints that came with imports (pages, drafts, feeds and the registry) meet the same
 * generated hostile bodies as report submission: each is a problem+json 4xx and stores nothing, and the
 * valid body next to them is accepted, so the refusals are the endpoint's own.
 */
@SpringBootTest(properties = "herald.rate-limits.enabled=false")
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class GeneratedHostileRequestsTest {

    static final RequestPostProcessor UNIT = TestTokens.unit("南宁市中医医院党委");

    record Endpoint(String name, HttpMethod method, String uri, RequestPostProcessor caller, HostilePayloads payloads,
                    String collection, int accepted) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> endpoints() {
        return Stream.of(
                new Endpoint("page import", HttpMethod.POST, "/api/reports/import", UNIT, new HostilePayloads(
                        Map.of("text", "如意先锋战疫情 党旗一线红\n2020-04-02\n自新冠肺炎疫情防控工作开展以来，医院党委组织党员冲锋在前。", "channel", "党建新闻"),
                        List.of(Field.text("text", true, 200_000), Field.text("channel", false, 50)), 2 * 1024 * 1024),
                        "drafts", 201),
                new Endpoint("feed registration", HttpMethod.POST, "/api/feeds", UNIT, new HostilePayloads(
                        Map.of("url", "http://127.0.0.1:9/feed.xml", "intervalMinutes", 30),
                        List.of(Field.text("url", true, 2_000)), 512 * 1024),
                        "feeds", 201),
                new Endpoint("unit registration", HttpMethod.PUT, "/api/units/敌意测试单位", TestTokens.admin(), new HostilePayloads(
                        Map.of("aliases", List.of("敌意单位"), "parent", "某卫生健康委", "channels", List.of("党建新闻"), "trusted", false),
                        List.of(Field.textList("aliases", 20), Field.text("parent", false, 100), Field.textList("channels", 100)), 512 * 1024),
                        "units", 201),
                new Endpoint("channel registration", HttpMethod.PUT, "/api/channels/敌意栏目", TestTokens.admin(), new HostilePayloads(
                        Map.of("description", "敌意输入的栏目", "position", 50),
                        List.of(Field.text("description", false, 300)), 512 * 1024),
                        "channels", 201))
                .map(Arguments::of);
    }

    @Autowired
    MockMvcTester http;

    @Autowired
    MongoTemplate mongo;

    @ParameterizedTest
    @MethodSource("endpoints")
    void everyGeneratedHostileBodyIsAProblemAndNothingIsStored(Endpoint endpoint) {
        long before = mongo.count(new Query(), endpoint.collection());
        List<String> wrong = new ArrayList<>();

        List<HostileCase> cases = endpoint.payloads().generate(200, 20261123L);
        for (HostileCase hostile : cases) {
            MockHttpServletResponse response = http.method(endpoint.method()).uri(endpoint.uri()).with(endpoint.caller())
                    .contentType(hostile.contentType()).content(hostile.body()).exchange().getResponse();
            if (!(response.getStatus() >= 400 && response.getStatus() < 500 && response.getContentType() != null
                    && response.getContentType().startsWith("application/problem+json"))) {
                wrong.add(hostile + " -> " + response.getStatus() + " " + new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(mongo.count(new Query(), endpoint.collection())).isEqualTo(before);
        assertThat(http.method(endpoint.method()).uri(endpoint.uri()).with(endpoint.caller()).contentType("application/json")
                .content(endpoint.payloads().validBody())).hasStatus(endpoint.accepted());
        assertThat(mongo.count(new Query(), endpoint.collection())).isEqualTo(before + 1);
    }
}
