package dev.herald.moderation.review;

import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The near-duplicate index answers from the band documents alone: what shares a band with a fingerprint, each
 * review once, a repeated entry once, a crowded band its earliest entries; and the stored reviews of a store
 * that had no index are entered once.
 */
@SpringBootTest
@UsesEmbeddedInfrastructure
class FingerprintBandsTest {

    @Autowired
    FingerprintBands bands;

    @Autowired
    FingerprintBandsBackfill backfill;

    @Autowired
    MongoTemplate mongo;

    // each test's fingerprints share a top band no other test or report is likely to hold
    private final long top = (long) new SplittableRandom().nextInt(1 << 16) << 48;

    @Test
    void aFingerprintFindsTheReviewsSharingAnyOfItsFourBandsAndNoOther() {
        long fingerprint = top | 0x0000_1111_2222_3333L;
        String sameFirstBand = review(), sameLastBand = review(), noBandInCommon = review();
        bands.register(List.of(
                new FingerprintBands.Entry(sameFirstBand, (fingerprint & 0xFFFF) | 0x0F0F_0F0F_0F0F_0000L, Instant.EPOCH),
                new FingerprintBands.Entry(sameLastBand, top | 0x0000_AAAA_BBBB_CCCCL, Instant.EPOCH),
                new FingerprintBands.Entry(noBandInCommon, ~fingerprint, Instant.EPOCH)));

        assertThat(bands.sharingABand(fingerprint)).extracting(FingerprintBands.Entry::review)
                .contains(sameFirstBand, sameLastBand).doesNotContain(noBandInCommon);
    }

    @Test
    void anEntryRegisteredAgainIsHeldOnceAndAReviewSharingSeveralBandsIsAnsweredOnce() {
        long fingerprint = top | 0x0000_4444_5555_6666L;
        String id = review();
        FingerprintBands.Entry entry = new FingerprintBands.Entry(id, fingerprint, Instant.parse("2026-12-01T08:00:00Z"));

        bands.register(List.of(entry));
        bands.register(List.of(entry));

        assertThat(bands.sharingABand(fingerprint)).filteredOn(e -> e.review().equals(id)).containsExactly(entry);
        assertThat(mongo.getCollection(FingerprintBands.COLLECTION).find(new Document("e.r", id)))
                .allSatisfy(band -> assertThat(band.getList("e", Document.class)).filteredOn(e -> id.equals(e.get("r"))).hasSize(1));
    }

    @Test
    void aCrowdedBandKeepsItsEarliestEntries() {
        long fingerprint = top | 0x0000_7777_8888_9999L;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FingerprintBands.CAPACITY + 10; i++) {
            ids.add(review());
            bands.register(List.of(new FingerprintBands.Entry(ids.getLast(), fingerprint, Instant.EPOCH.plusSeconds(i))));
        }

        assertThat(bands.sharingABand(fingerprint)).extracting(FingerprintBands.Entry::review)
                .containsExactlyElementsOf(ids.subList(0, FingerprintBands.CAPACITY));
    }

    @Test
    void reviewsStoredBeforeTheIndexAreEnteredAllButTheRejected() {
        long fingerprint = top | 0x0000_0123_4567_89ABL;
        String kept = review(), rejected = review();
        mongo.getCollection("reviews").insertMany(List.of(
                storedReview(kept, "APPROVED", fingerprint), storedReview(rejected, "REJECTED", fingerprint + 1)));
        mongo.getCollection(FingerprintBands.COLLECTION).deleteOne(new Document("_id", FingerprintBands.BACKFILLED));
        assertThat(backfill.done()).isFalse();

        assertThat(backfill.run()).isPositive();

        assertThat(backfill.done()).isTrue();
        assertThat(bands.sharingABand(fingerprint)).extracting(FingerprintBands.Entry::review).contains(kept).doesNotContain(rejected);
    }

    private static Document storedReview(String id, String status, long fingerprint) {
        return new Document("_id", id).append("status", status).append("submittedAt", Date.from(Instant.EPOCH))
                .append("screening", new Document("verdict", "CLEAN").append("fingerprint", fingerprint));
    }

    private static String review() {
        return "rpt-" + UUID.randomUUID();
    }
}
