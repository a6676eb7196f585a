package dev.herald.moderation.review;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Enters the reviews stored before the near-duplicate index existed (or before a copy of a store was restored
 * without it), once per store: a marker in the index says it was done. It runs beside the service, which screens
 * new reports meanwhile with what is entered so far; a start that is stopped half-way starts again from the first
 * review next time, and entering an entry twice changes nothing.
 */
@Component
class FingerprintBandsBackfill {

    private static final Logger log = LoggerFactory.getLogger(FingerprintBandsBackfill.class);
    private static final int PAGE = 500;

    private final FingerprintBands bands;
    private final MongoCollection<Document> reviews;

    FingerprintBandsBackfill(FingerprintBands bands, MongoTemplate mongo) {
        this.bands = bands;
        this.reviews = mongo.getCollection(mongo.getCollectionName(Review.class));
    }

    @EventListener(ApplicationReadyEvent.class)
    void startIfNeeded() {
        if (done()) {
            return;
        }
        Thread.ofPlatform().daemon().name("fingerprint-bands-backfill").start(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                log.warn("entering the stored reviews in the near-duplicate index stopped; the next start tries again", e);
            }
        });
    }

    boolean done() {
        return bands.backfilled();
    }

    /** Enters every screened review not rejected, a page at a time, then sets the marker; returns how many. */
    long run() {
        long started = System.nanoTime(), entered = 0;
        List<FingerprintBands.Entry> page = new ArrayList<>(PAGE);
        // no filter: a read of the whole collection is the one the embedded store pages through
        for (Document review : reviews.find().projection(Projections.include("status", "submittedAt", "screening.fingerprint"))
                .batchSize(PAGE)) {
            if (!ReviewStatus.REJECTED.name().equals(review.getString("status"))
                    && review.get("screening") instanceof Document screening && screening.get("fingerprint") instanceof Long fingerprint
                    && review.get("submittedAt") instanceof Date at) {
                page.add(new FingerprintBands.Entry(review.getString("_id"), fingerprint, at.toInstant()));
                if (page.size() == PAGE) {
                    bands.register(page);
                    entered += page.size();
                    page.clear();
                }
            }
        }
        bands.register(page);
        entered += page.size();
        bands.markBackfilled();
        if (entered > 0) {
            log.info("near-duplicate index: {} stored reviews entered in {} s", entered, (System.nanoTime() - started) / 1_000_000_000);
        }
        return entered;
    }
}
