package dev.herald.infra.embedded.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters that name a document's id and more (an optimistic-locking save names its version, a claim its
 * owner) find it through the id index on the embedded file store, and answer exactly what a scan would.
 */
class IndexedCollectionTest {

    @TempDir
    Path dir;

    private EmbeddedMongo store;
    private MongoClient client;
    private MongoCollection<Document> reviews;

    @BeforeEach
    void storeWithAThousandReviews() {
        store = EmbeddedMongo.onDisk(dir, Ports.free(), false);
        client = MongoClients.create(store.connectionString());
        reviews = client.getDatabase("moderation").getCollection("reviews");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            docs.add(new Document("_id", "r" + i).append("version", 1).append("status", "PENDING").append("owner", "a"));
        }
        reviews.insertMany(docs);
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void aSaveNamingTheRightVersionChangesTheDocumentThroughTheIdIndex() {
        long before = IndexedCollection.LOOKUPS.get();

        // written flat, as Spring Data writes a versioned save
        long changed = reviews.updateOne(new Document("_id", "r500").append("version", 1),
                Updates.combine(Updates.set("status", "APPROVED"), Updates.inc("version", 1))).getModifiedCount();

        assertThat(changed).isEqualTo(1);
        assertThat(reviews.find(Filters.eq("_id", "r500")).first()).containsEntry("status", "APPROVED").containsEntry("version", 2);
        assertThat(IndexedCollection.LOOKUPS.get()).isGreaterThan(before);
    }

    @Test
    void aSaveNamingAStaleVersionChangesNothing() {
        long before = IndexedCollection.LOOKUPS.get();

        long changed = reviews.updateOne(Filters.and(Filters.eq("_id", "r500"), Filters.eq("version", 7)),
                Updates.set("status", "APPROVED")).getModifiedCount();

        assertThat(changed).isZero();
        assertThat(IndexedCollection.LOOKUPS.get()).as("the driver's $and form also goes through the id index").isGreaterThan(before);
        assertThat(reviews.find(Filters.eq("_id", "r500")).first()).containsEntry("status", "PENDING");
    }

    @Test
    void aFilterOnSeveralIdsAndAFieldMatchesOnlyThoseThatHaveBoth() {
        reviews.updateOne(Filters.eq("_id", "r2"), Updates.set("owner", "b"));

        List<Document> found = reviews.find(Filters.and(Filters.in("_id", "r1", "r2", "r3"), Filters.eq("owner", "a")))
                .into(new ArrayList<>());

        assertThat(found).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("r1", "r3");
    }

    @Test
    void aClaimReleasedByAnotherOwnerIsNotDeleted() {
        assertThat(reviews.deleteOne(Filters.and(Filters.eq("_id", "r9"), Filters.eq("owner", "b"))).getDeletedCount()).isZero();
        assertThat(reviews.deleteOne(Filters.and(Filters.eq("_id", "r9"), Filters.eq("owner", "a"))).getDeletedCount()).isEqualTo(1);
        assertThat(reviews.countDocuments()).isEqualTo(999);
    }

    @Test
    void theDocumentsKeepTheirIdsAcrossARestartOfTheStore() {
        reviews.updateOne(Filters.and(Filters.eq("_id", "r42"), Filters.eq("version", 1)), Updates.set("status", "REJECTED"));
        client.close();
        store.close();

        store = EmbeddedMongo.onDisk(dir, Ports.free(), false);
        client = MongoClients.create(store.connectionString());
        reviews = client.getDatabase("moderation").getCollection("reviews");

        assertThat(reviews.countDocuments()).isEqualTo(1000);
        assertThat(reviews.find(Filters.and(Filters.eq("_id", "r42"), Filters.eq("status", "REJECTED"))).first()).isNotNull();
    }
}
