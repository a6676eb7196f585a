package dev.herald.launcher.bench;

import dev.herald.text.SimHash;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CopyPreloadTest {

    private static final String REPORT = "rpt-5adeb6bd-a3c5-3e50-8dc3-f6c342774a10";
    private static final String KEY = "11741e1c1a1bf05414cfe62b630d6f2a57ddc077f10f988dc71d1be5a0f74d4f";

    @Test
    void aCopyRenamesEveryIdTheSameWayWhereverItAppearsAndKeepsTheText() {
        Document report = new Document("_id", REPORT).append("contentKey", KEY).append("body", "会前，参会人员实地参观")
                .append("outbox", List.of(new Document("articleId", REPORT)));
        Document notice = new Document("_id", "ntf-7385ec79-71b3-39ff-9556-c75a9f36c73a").append("articleId", REPORT);

        Document reportCopy = CopyPreload.copyOf(report, 3), noticeCopy = CopyPreload.copyOf(notice, 3);

        assertThat(reportCopy.getString("_id")).startsWith("rpt-").isNotEqualTo(REPORT).isEqualTo(noticeCopy.getString("articleId"));
        assertThat(reportCopy.getList("outbox", Document.class).getFirst().getString("articleId")).isEqualTo(reportCopy.getString("_id"));
        assertThat(reportCopy.getString("contentKey")).hasSize(64).isNotEqualTo(KEY);
        assertThat(reportCopy.getString("body")).isEqualTo("会前，参会人员实地参观");
        assertThat(noticeCopy.getString("_id")).startsWith("ntf-").isNotEqualTo(notice.getString("_id"));
    }

    @Test
    void copiesOfOneReportDifferFromEachOther() {
        Document report = new Document("_id", REPORT).append("contentKey", KEY);

        assertThat(CopyPreload.copyOf(report, 1).getString("_id")).isNotEqualTo(CopyPreload.copyOf(report, 2).getString("_id"));
        assertThat(CopyPreload.copyOf(report, 1).getString("contentKey")).isNotEqualTo(CopyPreload.copyOf(report, 2).getString("contentKey"));
    }

    @Test
    void aCopiedReviewGetsAFingerprintOfItsOwnEnteredUnderTheFourBandsThatFollowFromIt() {
        Document review = new Document("_id", REPORT).append("submittedAt", new java.util.Date(0))
                .append("screening", new Document("verdict", "CLEAN").append("fingerprint", -5001677713955938004L));

        Document copy = CopyPreload.copyOf(review, 7);
        NearDuplicateEntries entries = new NearDuplicateEntries();
        entries.add(copy);

        long fingerprint = copy.get("screening", Document.class).getLong("fingerprint");
        assertThat(fingerprint).isNotEqualTo(-5001677713955938004L);
        int[] bands = SimHash.bands(fingerprint); // the split moderation's index keys its documents by
        assertThat(entries.bands()).containsOnlyKeys("b0:" + Integer.toHexString(bands[0]), "b1:" + Integer.toHexString(bands[1]),
                "b2:" + Integer.toHexString(bands[2]), "b3:" + Integer.toHexString(bands[3]));
        assertThat(entries.bands().values()).allSatisfy(band -> assertThat(band).singleElement().isEqualTo(
                new Document("r", copy.getString("_id")).append("f", fingerprint).append("t", new java.util.Date(0))));
        assertThat(review.get("screening", Document.class).getLong("fingerprint")).as("the template is left as it was")
                .isEqualTo(-5001677713955938004L);
    }
}
