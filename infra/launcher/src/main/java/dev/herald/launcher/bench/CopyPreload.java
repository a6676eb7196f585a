package dev.herald.launcher.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import dev.herald.auth.account.Role;
import dev.herald.launcher.HeraldService;
import dev.herald.launcher.HttpJson;
import dev.herald.launcher.PlatformSettings;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `--preload=N --preload-copies-of=T`: a million reports through the services' paths take about ten hours on two
 * cores (26 a second), so this loads T of them that way ({@link Preload}) and then copies what they left in every service's
 * store until N are stored, as a bulk loader producing the same documents: each copy of a report gets new ids
 * (report, review, article, events, notices), a new content key and a new SimHash fingerprint with its bands
 * (so near-duplicate lookups meet as many candidates as N different reports would give, not N / T copies of
 * each), and keeps the template's text and times. Search then rebuilds its index from its store, through its
 * own indexing. The templates are loaded in the same sitting, into a store holding no other report of the
 * pre-load's unit.
 */
final class CopyPreload {

    /**
     * The collections one report leaves documents in, and which of their documents the templates left: their own
     * (by unit), or, for records that name no report (processed events, sent outbox entries), those written while
     * the templates were loaded.
     */
    private static Map<String, Map<String, Bson>> perReport(Instant from, Instant to) {
        Bson processed = Filters.and(Filters.gte("processedAt", from), Filters.lte("processedAt", to));
        Bson sent = Filters.and(Filters.gte("at", from), Filters.lte("at", to));
        return Map.of(
                "herald-search", Map.of("articles", Filters.eq("unit", Preload.UNIT), "processed_events", processed),
                "herald-ingest", Map.of("reports", Filters.eq("unit", Preload.UNIT), "outbox_sent", sent, "processed_events", processed),
                "herald-moderation", Map.of("reviews", Filters.eq("article.unit", Preload.UNIT), "outbox_sent", sent,
                        "processed_events", processed),
                "herald-notification", Map.of("notifications", Filters.eq("unit", Preload.UNIT), "processed_events", processed));
    }

    private static final List<String> ORDER = List.of("herald-search", "herald-ingest", "herald-moderation", "herald-notification");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SHA256_TEXT = Pattern.compile("[0-9a-f]{64}");
    /** Ids and keys are short; bodies are not searched for them. */
    private static final int LONGEST_ID_TEXT = 200;
    private static final int BATCH = 500;

    private final PlatformSettings settings;
    private final PrintStream out;
    private final HttpJson http = new HttpJson();

    CopyPreload(PlatformSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    void load(int target, int templates, int concurrency) throws Exception {
        try (MongoClient client = MongoClients.create(settings.mongoUri())) {
            MongoCollection<Document> reviews = client.getDatabase("herald-moderation").getCollection("reviews");
            long before = reviews.countDocuments(Filters.eq("article.unit", Preload.UNIT));
            if (before > 0) {
                out.printf("preload: copies are made from templates loaded in the same sitting; the store holds %,d reports of %s"
                        + " already: nothing loaded%n", before, Preload.UNIT);
                return;
            }
            Instant from = Instant.now();
            new Preload(settings, out).load(templates, concurrency);
            // search indexing the last template ends the pre-load's wait; the other consumers' records follow within moments
            TimeUnit.SECONDS.sleep(10);
            Map<String, Map<String, Bson>> perReport = perReport(from, Instant.now());
            long loaded = reviews.countDocuments(Filters.eq("article.unit", Preload.UNIT));
            if (loaded != templates) {
                out.printf("preload: %,d of the %,d templates were loaded: nothing copied%n", loaded, templates);
                return;
            }
            int copies = Math.max(0, target - templates) / templates;
            out.printf("preload: copying the %,d templates %,d times in every service's store: %,d reports in all%n",
                    templates, copies, (long) templates * (copies + 1));
            long start = System.nanoTime();
            boolean rebuilding = false;
            for (String database : ORDER) {
                for (var collection : perReport.get(database).entrySet()) {
                    MongoCollection<Document> copied = client.getDatabase(database).getCollection(collection.getKey());
                    if (database.equals("herald-moderation") && collection.getKey().equals("reviews")) {
                        NearDuplicateEntries bands = new NearDuplicateEntries();
                        copy(copied, collection.getValue(), copies, bands::add);
                        bands.write(client.getDatabase(database).getCollection(NearDuplicateEntries.COLLECTION), out);
                    } else {
                        copy(copied, collection.getValue(), copies, copy -> { });
                    }
                }
                if (database.equals("herald-search")) {
                    rebuilding = startRebuild();
                }
            }
            out.printf("preload: store copies written in %.0f s%n", (System.nanoTime() - start) / 1e9);
            if (rebuilding) {
                awaitRebuild(start);
            }
        }
    }

    private void copy(MongoCollection<Document> collection, Bson templatesFilter, int copies, Consumer<Document> copied) {
        List<Document> templates = collection.find(templatesFilter).into(new ArrayList<>());
        long start = System.nanoTime(), written = 0;
        List<Document> batch = new ArrayList<>(BATCH);
        for (int k = 1; k <= copies; k++) {
            for (Document template : templates) {
                Document copy = copyOf(template, k);
                copied.accept(copy);
                batch.add(copy);
                written++;
                if (batch.size() == BATCH) {
                    collection.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) collection.insertMany(batch, new InsertManyOptions().ordered(false));
        double took = (System.nanoTime() - start) / 1e9;
        out.printf("preload: %s.%s: %,d copies of %,d documents in %.0f s (%.0f documents/s)%n",
                collection.getNamespace().getDatabaseName(), collection.getNamespace().getCollectionName(),
                written, templates.size(), took, written / took);
    }

    /**
     * The k-th copy: every id and key renamed the same way wherever it appears, so copies still refer to each other;
     * a review gets a fingerprint of its own, which {@link NearDuplicateEntries} enters in moderation's index.
     */
    static Document copyOf(Document template, int k) {
        Document copy = (Document) renamed(template, k);
        if (copy.get("screening") instanceof Document screening && screening.get("fingerprint") instanceof Long) {
            screening.put("fingerprint", new SplittableRandom(copy.getString("_id").hashCode() * 31L + k).nextLong());
        }
        return copy;
    }

    private static Object renamed(Object value, int k) {
        return switch (value) {
            case Document document -> {
                Document copy = new Document();
                document.forEach((key, field) -> copy.put(key, renamed(field, k)));
                yield copy;
            }
            case List<?> list -> list.stream().map(item -> renamed(item, k)).toList();
            case String text when text.length() <= LONGEST_ID_TEXT -> renamedText(text, k);
            default -> value;
        };
    }

    private static String renamedText(String text, int k) {
        Matcher uuid = UUID_TEXT.matcher(text);
        String renamed = uuid.replaceAll(m -> UUID.nameUUIDFromBytes((k + ":" + m.group()).getBytes(StandardCharsets.UTF_8)).toString());
        Matcher key = SHA256_TEXT.matcher(renamed);
        return key.replaceAll(m -> sha256(k + ":" + m.group()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean startRebuild() {
        HttpJson.Response started = new FreshToken(settings, http, Role.ADMIN, null).client()
                .post(settings.baseUrl(HeraldService.SEARCH) + "/api/search/index/rebuild", Map.of());
        out.printf("preload: search's index rebuild from its store: %d%n", started.status());
        return started.status() / 100 == 2;
    }

    private void awaitRebuild(long start) throws InterruptedException {
        FreshToken asAdmin = new FreshToken(settings, http, Role.ADMIN, null);
        while (true) {
            HttpJson.Response index = asAdmin.client().get(settings.baseUrl(HeraldService.SEARCH) + "/api/search/index");
            if (index.status() == 200 && !index.body().path("rebuilding").asBoolean()) {
                out.printf("preload: search's index holds %,d of %,d stored articles, %.0f s after the copying began%n",
                        index.body().path("documents").asLong(), index.body().path("stored").asLong(), (System.nanoTime() - start) / 1e9);
                return;
            }
            // each answer counts the store's articles, a read of every one of them
            TimeUnit.SECONDS.sleep(60);
        }
    }
}
