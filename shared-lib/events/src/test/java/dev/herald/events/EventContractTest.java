package dev.herald.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked-in example payloads are the contract consumers rely on: every field survives a
 * decode/encode round trip unchanged, and every example satisfies its type's required fields.
 */
class EventContractTest {

    private final JsonMapper json = JsonMapper.builder().build();

    static List<EventType<?>> eventTypes() {
        return HeraldEvents.ALL;
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void exampleSurvivesRoundTripUnchanged(EventType<?> type) throws IOException {
        String example = example(type);

        HeraldEvent decoded = json.readValue(example, type.payload());
        JsonNode reencoded = json.readTree(json.writeValueAsString(decoded));

        assertThat(reencoded).isEqualTo(json.readTree(example));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    <T extends HeraldEvent> void exampleSatisfiesTheContract(EventType<T> type) throws IOException {
        T decoded = json.readValue(example(type), type.payload());

        assertThat(type.violation(decoded)).isNull();
    }

    @Test
    void missingRequiredFieldIsNamed() {
        var event = json.readValue("""
                {"eventId":"9f2a6b10-5d3c-4e7f-a1b2-c3d4e5f60703","when":"2026-11-20T03:05:00Z",
                 "articleId":"a1","unit":"某单位","reason":"  "}""", ArticleRejected.class);

        assertThat(HeraldEvents.ARTICLE_REJECTED.violation(event)).isEqualTo("reason is missing");
    }

    @Test
    void aSubmissionFromBeforeRevisionsIsTheFirstRevision() {
        var event = json.readValue("""
                {"eventId":"9f2a6b10-5d3c-4e7f-a1b2-c3d4e5f60705","when":"2026-11-20T03:05:00Z",
                 "articleId":"a1","unit":"某单位","channel":"党建动态","title":"标题","body":"正文"}""", ArticleSubmitted.class);

        assertThat(event.revision()).isEqualTo(1);
        assertThat(event.sections()).as("absent before section titles were carried").isEmpty();
        assertThat(HeraldEvents.ARTICLE_SUBMITTED.violation(event)).isNull();
    }

    @Test
    void aPublicationFromBeforeWorkflowsHasAnEmptySignOffChain() {
        var event = json.readValue("""
                {"eventId":"9f2a6b10-5d3c-4e7f-a1b2-c3d4e5f60706","when":"2026-11-20T03:05:00Z","articleId":"a1","version":1,
                 "unit":"某单位","channel":"党建动态","title":"标题","body":"正文","moderator":"wang.fang",
                 "publishedAt":"2026-11-20T03:05:00Z"}""", ArticlePublished.class);

        assertThat(event.signOffs()).isEmpty();
        assertThat(HeraldEvents.ARTICLE_PUBLISHED.violation(event)).isNull();
    }

    @Test
    void theSignOffChainComesInStageOrderAndAConsumerThatIgnoresItStillReadsThePublication() throws IOException {
        String example = example(HeraldEvents.ARTICLE_PUBLISHED);

        ArticlePublished event = json.readValue(example, ArticlePublished.class);
        assertThat(event.signOffs()).extracting(ArticlePublished.SignOff::stage, ArticlePublished.SignOff::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("初审", "MODERATOR"),
                        org.assertj.core.groups.Tuple.tuple("保密审查", "MODERATOR"),
                        org.assertj.core.groups.Tuple.tuple("签发", "LEADER"));
        assertThat(event.signOffs().get(1).confidentialityReview()).isTrue();

        // an older consumer's view of the event, without the chain, must not trip over the new field
        OldPublication old = json.readValue(example, OldPublication.class);
        assertThat(old.title()).isEqualTo(event.title());
    }

    @Test
    void aCorrectionCarriesTheUnitsNoteAndThePublicationItsCorrectionHistory() throws IOException {
        ArticleSubmitted correction = json.readValue(example(HeraldEvents.ARTICLE_SUBMITTED), ArticleSubmitted.class);
        ArticlePublished published = json.readValue(example(HeraldEvents.ARTICLE_PUBLISHED), ArticlePublished.class);

        assertThat(correction.corrects()).isTrue();
        assertThat(published.corrections()).extracting(ArticlePublished.Correction::version).containsExactly(published.version());
        assertThat(published.corrections().get(0).note()).isEqualTo(correction.correction());
    }

    @Test
    void eventsFromBeforeCorrectionsCorrectNothing() {
        var submitted = json.readValue("""
                {"eventId":"9f2a6b10-5d3c-4e7f-a1b2-c3d4e5f60707","when":"2026-11-20T03:05:00Z",
                 "articleId":"a1","unit":"某单位","channel":"党建动态","title":"标题","body":"正文","revision":2}""", ArticleSubmitted.class);
        var published = json.readValue("""
                {"eventId":"9f2a6b10-5d3c-4e7f-a1b2-c3d4e5f60708","when":"2026-11-20T03:05:00Z","articleId":"a1","version":2,
                 "unit":"某单位","channel":"党建动态","title":"标题","body":"正文","moderator":"wang.fang",
                 "publishedAt":"2026-11-20T03:05:00Z"}""", ArticlePublished.class);
        var rejected = json.readValue("""
                {"eventId":"9f2a6b10-5d3c-4e7f-a1b2-c3d4e5f60709","when":"2026-11-20T03:05:00Z",
                 "articleId":"a1","unit":"某单位","reason":"重复"}""", ArticleRejected.class);

        assertThat(submitted.corrects()).isFalse();
        assertThat(published.corrections()).isEmpty();
        assertThat(rejected.correction()).isFalse();
    }

    record OldPublication(String articleId, int version, String title, String body) {
    }

    @Test
    void typesAreVersionedAndUnique() {
        assertThat(HeraldEvents.ALL).extracting(EventType::type)
                .allMatch(t -> t.matches("herald\\.[a-z.-]+\\.v\\d+"))
                .doesNotHaveDuplicates();
        assertThat(HeraldEvents.byType("herald.article.published.v1")).contains(HeraldEvents.ARTICLE_PUBLISHED);
    }

    private static String example(EventType<?> type) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/examples/" + type.type() + ".json")) {
            assertThat(in).as("example payload for %s", type.type()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
