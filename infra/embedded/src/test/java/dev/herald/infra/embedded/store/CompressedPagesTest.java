package dev.herald.infra.embedded.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.herald.infra.embedded.EmbeddedMongo;
import dev.herald.infra.embedded.Ports;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store writes its pages compressed: a review holds its text as submitted, published and drafted, and every
 * document repeats its field names, so most of a page is said twice. Files written before, uncompressed, still open.
 */
class CompressedPagesTest {

    private static final StoreSettings NO_HOUSEKEEPING = new StoreSettings(Duration.ofHours(1), 80, 4 * 1024 * 1024,
            Duration.ZERO, 60, 80, 8 * 1024 * 1024, Duration.ofMillis(100));

    private static final String[] SENTENCES = {
            "为深入学习贯彻党的二十大精神，医院党委组织全体党员干部开展专题学习。",
            "社区卫生服务中心的家庭医生团队走进居民小区，为老年人免费测量血压血糖。",
            "活动现场，志愿者向群众发放健康宣传资料三百余份，解答咨询八十余人次。",
            "学校召开安全工作会议，部署秋季开学前后校园安全隐患排查整治工作。",
            "与会同志表示，将以此次学习为契机，把学习成果转化为推动工作的实际行动。",
    };

    @Test
    void reviewsThatRepeatTheirTextTakeLessThanHalfTheFileTheyTookUncompressed(@TempDir Path dir) throws Exception {
        long compressed = fileAfterStoring(dir.resolve("compressed"), NO_HOUSEKEEPING.withCompressedPages(true));
        long uncompressed = fileAfterStoring(dir.resolve("uncompressed"), NO_HOUSEKEEPING.withCompressedPages(false));

        assertThat(compressed).as("file of 300 reviews, compressed, against %,d bytes uncompressed", uncompressed)
                .isLessThan(uncompressed / 2);
    }

    @Test
    void aFileWrittenUncompressedOpensWithEveryDocumentAndIsCompressedWhenCopiedAfresh(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("herald.mv");
        withReviews(dir, NO_HOUSEKEEPING.withCompressedPages(false), reviews -> {
            fill(reviews, 300);
            reviews.deleteMany(Filters.gte("_id", 150));
        });
        long uncompressed = Files.size(file);

        withReviews(dir, NO_HOUSEKEEPING.withRewriteAtOpen(90, 0), reviews -> {
            assertThat(reviews.countDocuments()).isEqualTo(150);
            assertThat(reviews.find(Filters.eq("_id", 149)).first()).isEqualTo(review(149));
            reviews.insertOne(review(1_000));
        });

        assertThat(Files.size(file)).as("file copied afresh from %,d bytes, half its reviews deleted", uncompressed)
                .isLessThan(uncompressed / 4);
        withReviews(dir, NO_HOUSEKEEPING.withCompressedPages(false), reviews -> {
            assertThat(reviews.find(Filters.eq("_id", 1_000)).first()).as("opened uncompressed again").isEqualTo(review(1_000));
            assertThat(reviews.countDocuments()).isEqualTo(151);
        });
    }

    private static long fileAfterStoring(Path dir, StoreSettings settings) throws Exception {
        withReviews(dir, settings, reviews -> fill(reviews, 300));
        return Files.size(dir.resolve("herald.mv"));
    }

    private static void withReviews(Path dir, StoreSettings settings, Consumer<MongoCollection<Document>> use) {
        try (EmbeddedMongo store = EmbeddedMongo.onDisk(dir, Ports.free(), false, settings);
             MongoClient client = MongoClients.create(store.connectionString())) {
            use.accept(client.getDatabase("herald").getCollection("reviews"));
        }
    }

    private static void fill(MongoCollection<Document> reviews, int count) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(review(i));
            if (batch.size() == 25 || i == count - 1) {
                reviews.insertMany(batch);
                batch.clear();
            }
        }
    }

    /** A review as moderation keeps one: the report's text as submitted, as drafted and as published. */
    private static Document review(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append(SENTENCES[(n * 7 + i * i) % SENTENCES.length]);
        }
        String body = text.toString();
        return new Document("_id", n).append("unitId", "unit-" + n % 40).append("title", "第" + n + "期工作简报")
                .append("submitted", new Document("title", "第" + n + "期工作简报").append("body", body))
                .append("draft", new Document("title", "第" + n + "期工作简报").append("body", body + "（编辑）"))
                .append("published", new Document("title", "第" + n + "期工作简报").append("body", body))
                .append("status", "APPROVED").append("version", 3L);
    }
}
