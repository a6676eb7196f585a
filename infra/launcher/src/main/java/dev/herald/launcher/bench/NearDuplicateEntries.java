package dev.herald.launcher.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries copied reviews need in moderation's near-duplicate index, written as the service writes them
 * (moderation's {@code FingerprintBands}: a document per band value, {@code b2:0fa3}, listing review, fingerprint
 * and submission time), gathered per band so each band document is written once rather than once per copy. The
 * copies' fingerprints are random, so no band nears the service's capacity and none is applied here.
 */
final class NearDuplicateEntries {

    static final String COLLECTION = "fingerprint_bands";
    private static final int BATCH = 1_000;

    private final Map<String, List<Document>> byBand = new HashMap<>();

    void add(Document review) {
        if (review.get("screening") instanceof Document screening && screening.get("fingerprint") instanceof Long fingerprint) {
            Document entry = new Document("r", review.getString("_id")).append("f", fingerprint).append("t", review.get("submittedAt"));
            for (int band = 0; band < 4; band++) {
                String key = "b" + band + ":" + Integer.toHexString((int) ((fingerprint >>> (16 * band)) & 0xFFFF));
                byBand.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            }
        }
    }

    Map<String, List<Document>> bands() {
        return byBand;
    }

    void write(MongoCollection<Document> index, PrintStream out) {
        long start = System.nanoTime();
        List<UpdateOneModel<Document>> batch = new ArrayList<>(BATCH);
        for (var band : byBand.entrySet()) {
            batch.add(new UpdateOneModel<>(Filters.eq("_id", band.getKey()),
                    Updates.combine(Updates.pushEach("e", band.getValue()), Updates.inc("n", band.getValue().size())),
                    new UpdateOptions().upsert(true)));
            if (batch.size() == BATCH) {
                index.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) index.bulkWrite(batch, new BulkWriteOptions().ordered(false));
        out.printf("preload: herald-moderation.%s: %,d band documents in %.0f s%n", COLLECTION, byBand.size(),
                (System.nanoTime() - start) / 1e9);
    }
}
