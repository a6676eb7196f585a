package dev.herald.support.deadletter;

import com.mongodb.client.MongoClients;
import dev.herald.infra.embedded.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterStoreTest {

    static final DeadLetterSource SOURCE = new DeadLetterSource("articlePublished-in-0", "articlePublished", "article-published",
            "search-service", "article-published.search-service.dlq");
    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    private DeadLetterStore store;

    @BeforeEach
    void store() {
        store = new DeadLetterStore(new MongoTemplate(MongoClients.create(TestInfrastructure.mongo().connectionString()),
                "dead-letters-" + UUID.randomUUID()));
    }

    @Test
    void readsTheBindersHeadersIntoTheOriginalCoordinatesAndTheInnermostCause() {
        DeadLetter letter = DeadLetterRecords.read(dlqRecord(2, 17, 5, 42L), SOURCE, NOW);

        assertThat(letter.id()).isEqualTo("article-published.search-service.dlq-2-17");
        assertThat(letter.topic()).isEqualTo("article-published");
        assertThat(letter.partition()).isEqualTo(5);
        assertThat(letter.offset()).isEqualTo(42L);
        assertThat(letter.key()).isEqualTo("rpt-1");
        assertThat(letter.consumer()).isEqualTo("articlePublished");
        assertThat(letter.reason().exception()).isEqualTo("org.springframework.messaging.MessageHandlingException");
        assertThat(letter.reason().rootCause()).isEqualTo("java.lang.IllegalStateException: channel 党建新闻 unknown");
        assertThat(letter.headers()).extracting(DeadLetter.Header::name).containsExactly("ce_id");
        assertThat(DeadLetterHandlers.message(letter).getHeaders()).containsEntry(DeadLetterHandlers.REPLAY_HEADER, letter.id());
    }

    @Test
    void aStackTraceOfMegabytesIsCutButKeepsItsHead() {
        String huge = "java.lang.StackOverflowError\n" + "\tat a.b.C.d(C.java:1)\n".repeat(100_000);
        var record = dlqRecord(0, 1, 0, 1L);
        record.headers().remove("x-exception-stacktrace").add("x-exception-stacktrace", huge.getBytes(StandardCharsets.UTF_8));

        DeadLetter letter = DeadLetterRecords.read(record, SOURCE, NOW);

        assertThat(letter.reason().stackTrace()).startsWith("java.lang.StackOverflowError").hasSizeLessThan(DeadLetterRecords.MAX_STACK_TRACE + 100);
        assertThat(letter.reason().rootCause()).isEqualTo("java.lang.StackOverflowError");
    }

    @Test
    void aDeadLetterReadTwiceOrDeadLetteredTwiceIsKeptOnce() {
        DeadLetter first = DeadLetterRecords.read(dlqRecord(1, 10, 1, 99L), SOURCE, NOW);
        // the binder crashed after its dead-letter send and before its commit: the original is dead-lettered again
        DeadLetter again = DeadLetterRecords.read(dlqRecord(1, 11, 1, 99L), SOURCE, NOW);

        assertThat(store.record(first)).isTrue();
        assertThat(store.record(first)).isFalse();
        assertThat(store.record(again)).isFalse();
        assertThat(store.open("article-published")).isEqualTo(1);
    }

    @Test
    void oneReplayHoldsALetterUntilItSettlesOrItsLeaseLapses() {
        DeadLetter letter = DeadLetterRecords.read(dlqRecord(0, 3, 0, 3L), SOURCE, NOW);
        store.record(letter);

        assertThat(store.claim(letter.id(), "a", NOW, NOW.plusSeconds(60))).isPresent();
        assertThat(store.claim(letter.id(), "b", NOW.plusSeconds(30), NOW.plusSeconds(90))).isEmpty();
        assertThat(store.discard(letter.id(), "admin", NOW.plusSeconds(30))).isEmpty();
        // the first replay's process died: after its lease another may take the letter
        assertThat(store.claim(letter.id(), "b", NOW.plusSeconds(61), NOW.plusSeconds(121))).isPresent();
        assertThat(store.settle(letter.id(), "a", new DeadLetter.Replay(NOW.plusSeconds(62), "admin", DeadLetterStatus.REPLAYED, null)))
                .as("the lapsed claim settles nothing").isFalse();
        assertThat(store.settle(letter.id(), "b", new DeadLetter.Replay(NOW.plusSeconds(62), "admin", DeadLetterStatus.REPLAYED, null)))
                .isTrue();

        Optional<DeadLetter> replayed = store.find(letter.id());
        assertThat(replayed).get().satisfies(l -> {
            assertThat(l.status()).isEqualTo(DeadLetterStatus.REPLAYED);
            assertThat(l.replays()).singleElement().extracting(DeadLetter.Replay::by).isEqualTo("admin");
            assertThat(l.claim()).isNull();
        });
        assertThat(store.claim(letter.id(), "c", NOW.plusSeconds(200), NOW.plusSeconds(260))).as("replayed is final").isEmpty();
        assertThat(store.open("article-published")).isZero();
    }

    private static ConsumerRecord<byte[], byte[]> dlqRecord(int partition, long offset, int originalPartition, long originalOffset) {
        var headers = new RecordHeaders();
        headers.add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        headers.add("x-original-topic", "article-published".getBytes(StandardCharsets.UTF_8));
        headers.add("x-original-partition", ByteBuffer.allocate(4).putInt(originalPartition).array());
        headers.add("x-original-offset", ByteBuffer.allocate(8).putLong(originalOffset).array());
        headers.add("x-exception-fqcn", "org.springframework.messaging.MessageHandlingException".getBytes(StandardCharsets.UTF_8));
        headers.add("x-exception-message", "error occurred in message handler".getBytes(StandardCharsets.UTF_8));
        headers.add("x-exception-stacktrace", """
                org.springframework.messaging.MessageHandlingException: error occurred in message handler
                \tat org.springframework.integration.Foo.bar(Foo.java:1)
                Caused by: java.lang.RuntimeException: wrapped
                \tat dev.herald.X.y(X.java:2)
                Caused by: java.lang.IllegalStateException: channel 党建新闻 unknown
                \tat dev.herald.Z.z(Z.java:3)
                """.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("article-published.search-service.dlq", partition, offset, NOW.toEpochMilli(),
                TimestampType.CREATE_TIME, 5, 20, "rpt-1".getBytes(StandardCharsets.UTF_8),
                "{\"articleId\":\"rpt-1\"}".getBytes(StandardCharsets.UTF_8), headers, Optional.empty());
    }
}
