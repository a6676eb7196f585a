package dev.herald.infra.embedded.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The file store writes documents and unique-index keys in an encoding of its own, orders keys without
 * serializing them, and still opens files written before, with the library's Java serialization.
 */
class StoredEncodingTest {

    @TempDir
    Path dir;

    @Test
    void everyKindOfValueADocumentHoldsReadsBackAsItWasWritten() {
        de.bwaldvogel.mongo.bson.Document nested = new de.bwaldvogel.mongo.bson.Document("title", "党旗飘扬").append("n", 3);
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "rpt-1")
                .append("none", null).append("int", 42).append("long", 7L).append("double", 2.5).append("yes", true)
                .append("no", false).append("oid", new de.bwaldvogel.mongo.bson.ObjectId())
                .append("uuid", UUID.randomUUID()).append("at", Instant.parse("2026-12-05T01:02:03.123456789Z"))
                .append("nested", nested).append("list", new ArrayList<>(List.of("a", 1, nested)))
                .append("binary", new BinData(new byte[]{1, 2, 3})).append("decimal", new Decimal128(1L, 2L))
                .append("body", "正文".repeat(3_000));

        WriteBuffer out = new WriteBuffer();
        DocumentType.INSTANCE.write(out, document);
        ByteBuffer in = out.getBuffer().flip();
        Object read = DocumentType.INSTANCE.read(in);

        assertThat(read).isEqualTo(document);
        assertThat(in.remaining()).as("every byte written was read").isZero();
        assertThat(new ArrayList<>(((de.bwaldvogel.mongo.bson.Document) read).keySet())).containsExactlyElementsOf(document.keySet());
    }

    @Test
    void aDocumentWrittenWithJavaSerializationStillReads() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "old").append("n", 1);
        WriteBuffer out = new WriteBuffer();
        new org.h2.mvstore.type.ObjectDataType().write(out, document);

        assertThat(DocumentType.INSTANCE.read(out.getBuffer().flip())).isEqualTo(document);
    }

    @Test
    void keysOrderByValueWithinAKindAndByKindAcrossKinds() {
        List<KeyValue> keys = List.of(new KeyValue(Missing.getInstance()), new KeyValue("a"), new KeyValue("b"), new KeyValue(1),
                new KeyValue(2), new KeyValue(1L), new KeyValue(new de.bwaldvogel.mongo.bson.Document("c", "x").append("id", 1)),
                new KeyValue(new de.bwaldvogel.mongo.bson.Document("c", "x").append("id", 2)), new KeyValue("a", "b"));
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int c = KeyValueType.INSTANCE.compare(a, b);
                assertThat(c == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
                assertThat(Integer.signum(c)).as("antisymmetric: %s vs %s", a, b)
                        .isEqualTo(-Integer.signum(KeyValueType.INSTANCE.compare(b, a)));
            }
        }
        assertThat(KeyValueType.INSTANCE.compare(new KeyValue("a"), new KeyValue("b"))).isNegative();
        assertThat(KeyValueType.INSTANCE.compare(new KeyValue(10L), new KeyValue(9L))).isPositive();
    }

    @Test
    void aFileWrittenByTheLibraryAloneOpensWithItsDocumentsAndUniqueKeysIntact() {
        Path file = dir.resolve("herald.mv");
        H2Backend earlier = new H2Backend(file.toString());
        MongoServer server = new MongoServer(earlier);
        int port = Ports.free();
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> reports = client.getDatabase("ingest").getCollection("reports");
            reports.createIndex(Indexes.ascending("idempotencyKey"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                reports.insertOne(new Document("_id", "r" + i).append("idempotencyKey", "k" + i).append("title", "报告" + i)
                        .append("at", new Date(1_700_000_000_000L + i)).append("claim", new Document("collection", "reports").append("id", i)));
            }
        } finally {
            server.shutdown();
            earlier.close();
        }

        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, Ports.free());
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> reports = client.getDatabase("ingest").getCollection("reports");

            assertThat(reports.countDocuments()).isEqualTo(500);
            assertThat(reports.find(Filters.eq("_id", "r321")).first()).containsEntry("title", "报告321")
                    .containsEntry("at", new Date(1_700_000_000_321L));
            assertThat(reports.find(Filters.eq("idempotencyKey", "k17")).first()).containsEntry("_id", "r17");
            assertThatThrownBy(() -> reports.insertOne(new Document("_id", "r5")))
                    .as("the id index, rebuilt from the documents, still refuses a taken id").isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> reports.insertOne(new Document("_id", "new").append("idempotencyKey", "k5")))
                    .as("and so does the unique field's").isInstanceOf(MongoWriteException.class);

            reports.updateOne(Filters.eq("_id", "r321"), Updates.set("status", "APPROVED"));
            reports.insertOne(new Document("_id", "new").append("idempotencyKey", "k-new").append("oid", new ObjectId()));
        }

        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, Ports.free());
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> reports = client.getDatabase("ingest").getCollection("reports");

            assertThat(reports.countDocuments()).as("old and new forms side by side, after another restart").isEqualTo(501);
            assertThat(reports.find(Filters.eq("_id", "r321")).first()).containsEntry("status", "APPROVED");
            assertThat(reports.find(Filters.eq("idempotencyKey", "k-new")).first()).containsEntry("_id", "new");
            assertThatThrownBy(() -> reports.insertOne(new Document("_id", "other").append("idempotencyKey", "k-new")))
                    .isInstanceOf(MongoWriteException.class);
        }
    }

    @Test
    void aDroppedUniqueIndexLeavesNoKeysBehindForALaterIndexOfTheSameName() {
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, Ports.free());
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> subscriptions = client.getDatabase("notification").getCollection("subscriptions");
            subscriptions.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key"));
            subscriptions.insertOne(new Document("_id", "s1").append("key", "a"));
            subscriptions.dropIndex("key");
            subscriptions.deleteOne(Filters.eq("_id", "s1"));

            subscriptions.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).name("key"));
            subscriptions.insertOne(new Document("_id", "s2").append("key", "a"));

            assertThat(subscriptions.find(Filters.eq("key", "a")).first()).containsEntry("_id", "s2");
        }
    }
}
