package dev.herald.ingest.registry;

import dev.herald.infra.embedded.TestTokens;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class RegistryTest {

    @Autowired
    MockMvcTester http;

    @Autowired
    Registry registry;

    @Test
    void anEmptyRegistryStartsWithTheChannelsSeenInTheWildInOrder() {
        assertThat(http.get().uri("/api/channels").with(TestTokens.unit("某单位"))).hasStatusOk().bodyJson()
                .extractingPath("$.channels[0:3].name").asArray().containsExactly("党建新闻", "党建动态", "工作动态");
        assertThat(registry.channels()).extracting(Channel::name).contains("党旗飘扬·战疫情", "廉政教育", "通知公告");
    }

    @Test
    void anyoneSignedInReadsTheRegistryButOnlyAnAdministratorChangesIt() {
        assertThat(http.get().uri("/api/units")).hasStatus(401);
        assertThat(http.get().uri("/api/units").with(TestTokens.subscriber("reader-1"))).hasStatusOk();
        assertThat(put("/api/units/新单位", "{}", TestTokens.unit("某单位"))).hasStatus(403);
        assertThat(put("/api/channels/新栏目", "{}", TestTokens.moderator("mod-1"))).hasStatus(403);
        assertThat(http.delete().uri("/api/channels/党建新闻").with(TestTokens.unit("某单位"))).hasStatus(403);
    }

    @Test
    void aUnitWrittenDifferentlyOnAPageIsFoundUnderItsRegisteredName() {
        assertThat(registry.unit("南宁市中医医院")).get().extracting(ContributingUnit::name).isEqualTo("南宁市中医医院党委");
        assertThat(registry.unit(" 南寧市中醫醫院 ")).get().extracting(ContributingUnit::name).isEqualTo("南宁市中医医院党委");
        assertThat(registry.unit("南宁市人民医院")).isEmpty();
        assertThat(http.get().uri("/api/units/朝阳区卫健委").with(TestTokens.unit("某单位"))).hasStatusOk()
                .bodyJson().extractingPath("$.name").isEqualTo("朝阳区卫生健康委");
    }

    @Test
    void aSubmissionToAChannelItsUnitMayNotUseIsA400ListingTheValidOnes() throws Exception {
        MvcTestResult refused = submit("仅限廉政单位", "党建新闻");
        assertThat(refused).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("channel");
        assertThat(refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("valid channels: 廉政教育, 通知公告");
        assertThat(submit("仅限廉政单位", "廉政教育")).hasStatus(202);
    }

    @Test
    void aSubmissionFromAnUnregisteredUnitIsA400NamingTheRegisteredOnes() throws Exception {
        MvcTestResult refused = submit("未登记的卫生院", "党建新闻");
        assertThat(refused).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("unit");
        assertThat(refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("is not a registered unit", "南宁市中医医院党委");
    }

    @Test
    void aChannelWrittenWithOtherPunctuationIsStoredUnderItsRegisteredName() throws Exception {
        MvcTestResult accepted = submit("南宁市中医医院党委", "党旗飘扬,战疫情");
        assertThat(accepted).hasStatus(202);
        String id = com.jayway.jsonpath.JsonPath.read(accepted.getResponse().getContentAsString(), "$.id");
        assertThat(http.get().uri("/api/reports/{id}", id).with(TestTokens.unit("南宁市中医医院党委"))).hasStatusOk()
                .bodyJson().extractingPath("$.channel").isEqualTo("党旗飘扬·战疫情");
    }

    @Test
    void anAdministratorRegistersAUnitWithAliasesAndItMaySubmitAtOnce() {
        String name = "测试医院党委-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(submit(name, "党建新闻")).hasStatus(400);
        assertThat(put("/api/units/" + name, """
                {"aliases":["%s医院"],"parent":"测试市卫生健康委","channels":["党建新闻"],"trusted":true}""".formatted(name),
                TestTokens.admin())).hasStatus(201).bodyJson().extractingPath("$.trusted").isEqualTo(true);
        assertThat(submit(name, "党建新闻")).hasStatus(202);
        assertThat(put("/api/units/" + name, """
                {"aliases":[],"channels":["党建新闻"],"version":0}""", TestTokens.admin())).hasStatus(200);
        assertThat(put("/api/units/" + name, """
                {"aliases":[],"channels":["党建新闻"],"version":0}""", TestTokens.admin()))
                .as("a change made from a stale version").hasStatus(409);
        assertThat(http.delete().uri("/api/units/" + name).with(TestTokens.admin())).hasStatus(204);
        assertThat(submit(name, "党建新闻")).hasStatus(400);
    }

    @Test
    void anAliasOrAChannelThatIsAnotherNameWrittenDifferentlyIsAConflict() {
        assertThat(put("/api/units/另一个单位", """
                {"aliases":["南宁市中医医院"]}""", TestTokens.admin())).hasStatus(409);
        assertThat(put("/api/channels/党建 新闻", "{}", TestTokens.admin())).hasStatus(409);
        assertThat(put("/api/units/又一个单位", """
                {"channels":["不存在的栏目"]}""", TestTokens.admin())).hasStatus(400);
        assertThat(http.delete().uri("/api/channels/廉政教育").with(TestTokens.admin()))
                .as("still allowed to a unit").hasStatus(409);
    }

    @Test
    void aUnitReadsItsOwnEntryWithTheChannelsItMayUse() {
        assertThat(http.get().uri("/api/units/me").with(TestTokens.unit("仅限廉政单位"))).hasStatusOk().bodyJson()
                .extractingPath("$.channels").asArray().containsExactly("廉政教育", "通知公告");
    }

    private MvcTestResult submit(String unit, String channel) {
        return http.post().uri("/api/reports").with(TestTokens.unit(unit)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"channel":"%s","title":"登记测试 %s","body":"医院党委组织党员开展主题党日活动。"}""".formatted(channel, UUID.randomUUID()))
                .exchange();
    }

    private MvcTestResult put(String uri, String body, RequestPostProcessor caller) {
        return http.put().uri(uri).with(caller).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
