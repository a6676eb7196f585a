package dev.herald.infra.embedded.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Non-unique indexes on the embedded file store: a filter on an indexed field is looked up instead of
 * scanned, and answers exactly what a scan of an unindexed copy of the same documents answers, for the
 * filters the services send (equality, $in, ranges, $exists on an array path, $or over bands) and for
 * random ones. TTL indexes expire their documents.
 */
class SecondaryIndexTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path dir;

    private EmbeddedMongo store;
    private MongoClient client;
    private MongoCollection<Document> indexed;
    private MongoCollection<Document> plain;

    @BeforeEach
    void twoCopiesOfTheSameReviewsOneIndexed() {
        open();
        indexed.createIndex(Indexes.ascending("status"));
        for (String band : List.of("band0", "band1", "band2", "band3")) {
            indexed.createIndex(Indexes.ascending(band));
        }
        indexed.createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().sparse(true));
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("unit"), Indexes.descending("submittedAt")));
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("band3"), Indexes.ascending("status"), Indexes.descending("submittedAt")));
        indexed.createIndex(Indexes.ascending("tags"));
        indexed.createIndex(Indexes.ascending("submittedAt"));
        Random random = new Random(7);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            docs.add(review(i, random));
        }
        indexed.insertMany(docs);
        plain.insertMany(docs.stream().map(Document::new).toList());
    }

    private void open() {
        store = EmbeddedMongo.onDisk(dir, Ports.free(), false);
        client = MongoClients.create(store.connectionString());
        indexed = client.getDatabase("moderation").getCollection("reviews");
        plain = client.getDatabase("moderation").getCollection("reviews_unindexed");
    }

    private static Document review(int i, Random random) {
        Document doc = new Document("_id", String.format("r%05d", i))
                .append("status", List.of("PENDING", "APPROVED", "REJECTED").get(random.nextInt(3)))
                .append("band0", random.nextInt(40)).append("band1", random.nextInt(40))
                .append("band2", random.nextInt(40)).append("band3", random.nextInt(40))
                .append("unit", "unit-" + random.nextInt(20))
                .append("submittedAt", Date.from(NOW.minus(random.nextInt(60 * 24 * 40), ChronoUnit.MINUTES)));
        switch (random.nextInt(4)) {
            case 0 -> doc.append("outbox", List.of());
            case 1 -> doc.append("outbox", List.of(new Document("eventId", "e" + i)));
            case 2 -> doc.append("outbox", List.of(new Document("eventId", "e" + i), new Document("eventId", "f" + i)));
            default -> { } // older documents have no outbox at all
        }
        if (random.nextBoolean()) {
            doc.append("tags", random.nextBoolean() ? List.of() : List.of("t" + random.nextInt(5), "t" + random.nextInt(5)));
        }
        if (random.nextInt(10) == 0) {
            doc.append("unit", null);
        }
        return doc;
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void nearDuplicateCandidatesAreLookedUpByBandAndSortedAsAScanSortsThem() {
        Bson anyBand = Filters.or(Filters.eq("band0", 3), Filters.eq("band1", 17), Filters.eq("band2", 0), Filters.eq("band3", 39));
        long before = IndexedCollection.LOOKUPS.get();

        List<Document> found = indexed.find(anyBand).sort(Sorts.descending("submittedAt")).limit(25).into(new ArrayList<>());

        assertThat(IndexedCollection.LOOKUPS.get()).isGreaterThan(before);
        assertThat(found).hasSize(25).isEqualTo(plain.find(anyBand).sort(Sorts.descending("submittedAt")).limit(25).into(new ArrayList<>()));
    }

    @Test
    void aSortedPageOfAThousandCopiesReadsOnlyTheFrontOfThem() {
        List<Document> copies = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            copies.add(new Document("_id", String.format("c%05d", i)).append("status", "PENDING")
                    .append("band0", 7).append("band1", 1000 + i % 3).append("band2", 2000).append("band3", 3000)
                    .append("submittedAt", Date.from(NOW.plusSeconds(i))));
        }
        indexed.insertMany(copies);
        plain.insertMany(copies.stream().map(Document::new).toList());
        Bson anyBand = Filters.or(Filters.eq("band0", 7), Filters.eq("band1", 1001), Filters.eq("band2", 2000), Filters.eq("band3", 3000));
        long before = IndexedCollection.READ.get();

        List<Document> earliest = indexed.find(anyBand).sort(Sorts.ascending("submittedAt")).limit(50).into(new ArrayList<>());

        assertThat(IndexedCollection.READ.get() - before).as("documents read for a page of 50 out of 1,500 candidates")
                .isLessThanOrEqualTo(150);
        assertThat(earliest).hasSize(50)
                .isEqualTo(plain.find(anyBand).sort(Sorts.ascending("submittedAt")).limit(50).into(new ArrayList<>()));
    }

    @Test
    void anInboxSortedByReadThenTimeReadsOnlyTheFrontOfItsOwnersNotices() {
        MongoCollection<Document> inbox = client.getDatabase("notification").getCollection("notifications");
        MongoCollection<Document> unindexed = client.getDatabase("notification").getCollection("notifications_unindexed");
        inbox.createIndex(Indexes.compoundIndex(Indexes.ascending("subscriber"), Indexes.ascending("read"), Indexes.descending("createdAt")));
        Random random = new Random(23);
        List<Document> notices = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            notices.add(new Document("_id", String.format("n%05d", i)).append("subscriber", i % 10 == 0 ? "other" : "reader")
                    .append("read", random.nextInt(4) == 0)
                    // a few share an instant, as notices of one fan-out do: the id breaks those ties
                    .append("createdAt", Date.from(NOW.plusSeconds(random.nextInt(2000)))));
        }
        inbox.insertMany(notices);
        unindexed.insertMany(notices.stream().map(Document::new).toList());
        Bson mine = Filters.eq("subscriber", "reader");
        Bson newestUnreadFirst = Sorts.orderBy(Sorts.ascending("read"), Sorts.descending("createdAt"), Sorts.descending("_id"));

        for (int page = 0; page < 54; page += 9) {
            long before = IndexedCollection.READ.get();
            List<Document> found = inbox.find(mine).sort(newestUnreadFirst).skip(page * 50).limit(50).into(new ArrayList<>());

            assertThat(found).as("page %d", page)
                    .isEqualTo(unindexed.find(mine).sort(newestUnreadFirst).skip(page * 50).limit(50).into(new ArrayList<>()));
            assertThat(IndexedCollection.READ.get() - before).as("documents read for page %d of 2,700 notices", page)
                    .isLessThanOrEqualTo(2L * (page + 1) * 50 + 10);
        }
    }

    @Test
    void sortedPagesAnswerWhatAScanAnswers() {
        Random random = new Random(13);
        long before = IndexedCollection.FRONT_PAGES.get();
        for (int i = 0; i < 300; i++) {
            Bson filter = randomFilter(random, 2);
            // ties (status), missing and null values (unit) and both directions; the library itself cannot sort
            // the mixed arrays of tags ("comparison method violates its general contract"), so they are left out
            String field = List.of("submittedAt", "status", "unit", "band1").get(random.nextInt(4));
            Bson sort = switch (random.nextInt(5)) {
                case 0, 1 -> Sorts.ascending(field, "_id");
                case 2 -> Sorts.orderBy(Sorts.descending(field));
                // the later keys of a compound index, in its directions and against them, then the id
                case 3 -> Sorts.orderBy(Sorts.ascending("status"), Sorts.descending("submittedAt"), Sorts.descending("_id"));
                default -> Sorts.orderBy(Sorts.descending("status"), Sorts.ascending("band1"), Sorts.ascending("submittedAt"));
            };
            int skip = random.nextInt(3) == 0 ? random.nextInt(30) : 0;
            int limit = 1 + random.nextInt(40);
            List<Document> expected = plain.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
            assertThat(indexed.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>()))
                    .as("filter %s sorted by %s, skip %d, limit %d", filter, sort, skip, limit).isEqualTo(expected);
        }
        assertThat(IndexedCollection.FRONT_PAGES.get() - before).as("pages answered from the front of their candidates")
                .isGreaterThan(30);
    }

    @Test
    void countsAreLookedUpAndAnswerWhatTheLibrarysAggregationAnswers() {
        Random random = new Random(17);
        long before = IndexedCollection.LOOKUPS.get();
        for (int i = 0; i < 100; i++) {
            Bson filter = randomFilter(random, 2);
            CountOptions options = new CountOptions();
            if (random.nextInt(3) == 0) {
                options.skip(random.nextInt(50)).limit(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(200));
            }
            // a $count stage is not the driver's count shape, so the library runs it over every document
            List<Bson> scan = new ArrayList<>(List.of(Aggregates.match(filter)));
            if (options.getSkip() > 0) scan.add(Aggregates.skip(options.getSkip()));
            if (options.getLimit() > 0) scan.add(Aggregates.limit(options.getLimit()));
            scan.add(Aggregates.count("n"));
            Document scanned = indexed.aggregate(scan).first();
            long expected = scanned == null ? 0 : ((Number) scanned.get("n")).longValue();

            assertThat(indexed.countDocuments(filter, options)).as("count of %s", filter).isEqualTo(expected);
        }
        assertThat(IndexedCollection.LOOKUPS.get() - before).as("counts looked up rather than scanned").isGreaterThan(50);
        assertThat(client.getDatabase("moderation").getCollection("absent").countDocuments(Filters.eq("status", "PENDING"))).isZero();
    }

    @Test
    void countsOfPlainValuesOnOneIndexsKeysAreTheIndexsToGiveAndAgreeWithTheLibrary() {
        Random random = new Random(29);
        long before = IndexedCollection.EXACT_COUNTS.get();
        for (int i = 0; i < 120; i++) {
            String status = List.of("PENDING", "APPROVED", "REJECTED", "ABSENT").get(random.nextInt(4));
            Bson filter = switch (random.nextInt(6)) {
                case 0 -> new Document("status", status);
                case 1 -> new Document("band3", random.nextInt(42)).append("status", status);
                case 2 -> new Document("status", new Document("$eq", status)).append("band3", (long) random.nextInt(40));
                // null and missing units, arrays of tags: the documents must answer those, not the index
                case 3 -> new Document("unit", random.nextInt(5) == 0 ? null : "unit-" + random.nextInt(22));
                case 4 -> new Document("tags", "t" + random.nextInt(6));
                // no one index holds both fields
                default -> new Document("status", status).append("unit", "unit-" + random.nextInt(20));
            };

            assertThat(indexed.countDocuments(filter)).as("count of %s", filter).isEqualTo(plain.countDocuments(filter));
        }
        assertThat(IndexedCollection.EXACT_COUNTS.get() - before).as("counts the index gave alone").isGreaterThan(40);
    }

    @Test
    void aCompoundIndexKeepsOnlyTheCandidatesWhoseLaterKeysMatchWithoutReadingTheOthers() {
        // a queue filtered by status and unit, sorted by age: the band3 index alone holds ~50 per value, the
        // compound one narrows them to those of the status before any document is read
        for (int band = 0; band < 40; band += 3) {
            for (String status : List.of("PENDING", "APPROVED", "REJECTED")) {
                Bson filter = Filters.and(Filters.eq("band3", band), Filters.eq("status", status));
                long read = IndexedCollection.READ.get();

                List<Document> found = indexed.find(filter).into(new ArrayList<>());

                assertThat(found).as("filter %s", filter).isEqualTo(plain.find(filter).into(new ArrayList<>()));
                assertThat(IndexedCollection.READ.get() - read).as("documents read for %s", filter).isEqualTo(found.size());
                Bson newest = Sorts.descending("submittedAt");
                assertThat(indexed.find(filter).sort(newest).limit(5).into(new ArrayList<>()))
                        .isEqualTo(plain.find(filter).sort(newest).limit(5).into(new ArrayList<>()));
            }
        }
    }

    @Test
    void aLaterKeyHeldAsSomethingElseThanAPlainValueIsLeftToTheDocumentToDecide() {
        MongoCollection<Document> queue = client.getDatabase("moderation").getCollection("queue");
        MongoCollection<Document> unindexed = client.getDatabase("moderation").getCollection("queue_unindexed");
        queue.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("article.unit")));
        List<Document> reviews = List.of(
                new Document("_id", 1).append("status", "APPROVED").append("article", new Document("unit", "a")),
                new Document("_id", 2).append("status", "APPROVED").append("article", new Document("unit", List.of("a", "b"))),
                new Document("_id", 3).append("status", "APPROVED").append("article", new Document("unit", "b")),
                new Document("_id", 4).append("status", "APPROVED"),
                new Document("_id", 5).append("status", "APPROVED").append("article", List.of(new Document("unit", "a"))),
                new Document("_id", 6).append("status", "APPROVED").append("article", new Document("unit", 7L)),
                new Document("_id", 7).append("status", "PENDING").append("article", new Document("unit", "a")));
        queue.insertMany(reviews);
        unindexed.insertMany(reviews.stream().map(Document::new).toList());

        for (Object unit : List.of("a", "b", 7, 7.0, "c")) {
            Bson filter = Filters.and(Filters.eq("status", "APPROVED"), Filters.eq("article.unit", unit));
            assertThat(queue.find(filter).into(new ArrayList<>())).as("filter %s", filter)
                    .isEqualTo(unindexed.find(filter).into(new ArrayList<>()));
            assertThat(queue.countDocuments(filter)).as("count of %s", filter).isEqualTo(unindexed.countDocuments(filter));
        }
    }

    @Test
    void pendingOutboxEntriesAreFoundWithoutReadingDocumentsThatHaveNone() {
        Bson pending = Filters.exists("outbox.eventId");
        long before = IndexedCollection.LOOKUPS.get();
        long read = IndexedCollection.READ.get();

        List<Object> ids = indexed.find(pending).map(d -> d.get("_id")).into(new ArrayList<>());

        assertThat(IndexedCollection.LOOKUPS.get()).isGreaterThan(before);
        // the outbox sweep's query: documents with an empty outbox, or none, are never read
        assertThat(IndexedCollection.READ.get() - read).as("documents read").isEqualTo(ids.size());
        assertThat(ids).isNotEmpty().isEqualTo(plain.find(pending).map(d -> d.get("_id")).into(new ArrayList<>()));

        Object sent = ids.get(0);
        indexed.updateOne(Filters.eq("_id", sent), Updates.set("outbox", List.of()));
        assertThat(indexed.find(pending).map(d -> d.get("_id")).into(new ArrayList<>())).doesNotContain(sent).hasSize(ids.size() - 1);
    }

    @Test
    void anIndexFollowsUpdatesAndDeletes() {
        indexed.updateOne(Filters.eq("_id", "r00010"), Updates.set("status", "WITHDRAWN"));
        assertThat(indexed.find(Filters.eq("status", "WITHDRAWN")).map(d -> d.get("_id")).into(new ArrayList<>())).containsExactly("r00010");

        indexed.deleteOne(Filters.eq("_id", "r00010"));
        assertThat(indexed.find(Filters.eq("status", "WITHDRAWN")).first()).isNull();

        indexed.insertOne(new Document("_id", "r99999").append("status", "WITHDRAWN").append("band0", 1));
        assertThat(indexed.countDocuments(Filters.eq("status", "WITHDRAWN"))).isEqualTo(1);
    }

    /** A value held by one document, then by three, then by one again and by none: each step answers as a scan does. */
    @Test
    void aValueGoingFromOneDocumentToSeveralAndBackIsFoundAsAScanFindsIt() {
        Bson withdrawn = Filters.eq("status", "WITHDRAWN");
        Bson range = Filters.and(Filters.gte("status", "WITHDRAWM"), Filters.lte("status", "WITHDRAWO"));
        List<String> steps = List.of("r00010", "r00011", "r00012");
        for (String id : steps) {
            indexed.updateOne(Filters.eq("_id", id), Updates.set("status", "WITHDRAWN"));
            plain.updateOne(Filters.eq("_id", id), Updates.set("status", "WITHDRAWN"));
            assertSameAsScan(withdrawn, range, Filters.in("status", "WITHDRAWN", "PENDING"));
        }
        for (String id : steps) {
            indexed.deleteOne(Filters.eq("_id", id));
            plain.deleteOne(Filters.eq("_id", id));
            assertSameAsScan(withdrawn, range, Filters.exists("status"));
            assertThat(indexed.countDocuments(withdrawn)).isEqualTo(plain.countDocuments(withdrawn));
        }
        assertThat(indexed.find(withdrawn).first()).isNull();
    }

    private void assertSameAsScan(Bson... filters) {
        for (Bson filter : filters) {
            assertThat(indexed.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>())).as("filter %s", filter)
                    .isEqualTo(plain.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>()));
        }
    }

    @Test
    void theIndexesAreRebuiltWhenTheStoreOpensAgain() {
        Bson query = Filters.and(Filters.eq("unit", "unit-4"), Filters.eq("status", "PENDING"));
        List<Document> expected = plain.find(query).into(new ArrayList<>());
        client.close();
        store.close();

        open();
        long before = IndexedCollection.LOOKUPS.get();

        assertThat(indexed.find(query).into(new ArrayList<>())).isNotEmpty().isEqualTo(expected);
        assertThat(IndexedCollection.LOOKUPS.get()).isGreaterThan(before);
    }

    @Test
    void aNewSecondaryIndexIsFilledByOneReadOfTheDocuments() {
        long before = IndexedCollection.INDEX_BUILD_READS.get();

        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("band2"), Indexes.ascending("unit")));

        assertThat(IndexedCollection.INDEX_BUILD_READS.get() - before).isEqualTo(indexed.countDocuments());
        assertThat(indexed.find(Filters.and(Filters.eq("band2", 5), Filters.eq("unit", "unit-3"))).into(new ArrayList<>()))
                .isEqualTo(plain.find(Filters.and(Filters.eq("band2", 5), Filters.eq("unit", "unit-3"))).into(new ArrayList<>()));
    }

    @Test
    void anOpeningStoreFillsAllTheSecondaryIndexesOfACollectionInOneReadOfIt() {
        long documents = indexed.countDocuments();
        Bson query = Filters.and(Filters.eq("band3", 12), Filters.eq("status", "APPROVED"));
        List<Document> expected = plain.find(query).into(new ArrayList<>());
        client.close();
        store.close();
        long before = IndexedCollection.INDEX_BUILD_READS.get();

        open();

        // eight secondary indexes on the reviews, none on their unindexed copy: one read of the reviews
        assertThat(IndexedCollection.INDEX_BUILD_READS.get() - before).isEqualTo(documents);
        long lookups = IndexedCollection.LOOKUPS.get();
        assertThat(indexed.find(query).into(new ArrayList<>())).isNotEmpty().isEqualTo(expected);
        assertThat(IndexedCollection.LOOKUPS.get()).isGreaterThan(lookups);
    }

    @Test
    void randomFiltersAnswerWhatAScanAnswers() {
        Random random = new Random(11);
        long before = IndexedCollection.LOOKUPS.get();
        int answered = 0;
        for (int i = 0; i < 200; i++) {
            Bson filter = randomFilter(random, 2);
            List<Document> expected = plain.find(filter).into(new ArrayList<>());
            assertThat(indexed.find(filter).into(new ArrayList<>())).as("filter %s", filter).isEqualTo(expected);
            answered += expected.isEmpty() ? 0 : 1;
        }
        assertThat(IndexedCollection.LOOKUPS.get() - before).as("filters looked up rather than scanned").isGreaterThan(100);
        assertThat(answered).as("filters that found something").isGreaterThan(100);
    }

    private static Bson randomFilter(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 12 : 10);
        Date date = Date.from(NOW.minus(random.nextInt(60 * 24 * 40), ChronoUnit.MINUTES));
        return switch (kind) {
            case 0 -> Filters.eq("status", List.of("PENDING", "APPROVED", "REJECTED", "GONE").get(random.nextInt(4)));
            case 1 -> Filters.in("band" + random.nextInt(4), random.nextInt(40), random.nextInt(40), 41);
            case 2 -> Filters.lt("submittedAt", date);
            case 3 -> Filters.and(Filters.gte("submittedAt", date), Filters.lte("band1", random.nextInt(40)));
            case 4 -> Filters.exists("outbox.eventId", random.nextBoolean());
            case 5 -> Filters.eq("tags", "t" + random.nextInt(6));
            case 6 -> Filters.exists("tags");
            case 7 -> Filters.eq("unit", random.nextBoolean() ? null : "unit-" + random.nextInt(22));
            case 8 -> Filters.ne("status", "PENDING");
            case 9 -> Filters.eq("outbox.eventId", "e" + random.nextInt(2000));
            case 10 -> Filters.or(randomFilter(random, depth - 1), randomFilter(random, depth - 1));
            default -> Filters.and(randomFilter(random, depth - 1), randomFilter(random, depth - 1));
        };
    }

    @Test
    void aTtlPassBeforeAnyServiceHasConnectedExpiresNothingAndFailsNothing(@TempDir Path fresh) {
        IndexedH2Backend untouched = new IndexedH2Backend(fresh.resolve("herald.mv").toString(), true);
        try {
            assertThat(untouched.expire(NOW)).isZero();
        } finally {
            untouched.close();
        }
    }

    @Test
    void aTtlIndexExpiresDocumentsPastTheirAgeAndKeepsTheRest() {
        MongoCollection<Document> processed = client.getDatabase("search").getCollection("processed_events");
        processed.createIndex(Indexes.ascending("processedAt"), new IndexOptions().expireAfter(30L, TimeUnit.DAYS));
        processed.insertMany(List.of(
                new Document("_id", "old").append("processedAt", Date.from(NOW.minus(31, ChronoUnit.DAYS))),
                new Document("_id", "recent").append("processedAt", Date.from(NOW.minus(29, ChronoUnit.DAYS))),
                new Document("_id", "undated")));

        int expired = backend().expire(NOW);

        assertThat(expired).isEqualTo(1);
        assertThat(processed.find().map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("recent", "undated");
        assertThat(indexed.countDocuments()).as("collections without a TTL index keep everything").isEqualTo(2000);
    }

    private IndexedH2Backend backend() {
        return store.indexedBackend();
    }
}
