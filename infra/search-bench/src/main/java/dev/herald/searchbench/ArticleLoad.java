package dev.herald.searchbench;

import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.ReportGenerator;
import dev.herald.search.article.Article;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Fills {@code herald-search.articles} with generated articles. The documents go through Spring Data's
 * mapping of {@link Article}, the one the service reads with, so field names, dates and {@code _class}
 * are exactly what the service itself would have stored; in batches, since one upsert per article
 * ({@code ArticleStore.storeIfNewer}) would time the store rather than prepare the benchmark.
 */
final class ArticleLoad {

    private static final int BATCH = 1_000;
    private static final int SAMPLE_TITLES = 5_000;

    /** @param textBytes UTF-8 size of the text that is indexed: title, subtitle, body, unit, people, tags */
    record Loaded(int articles, long textBytes, double seconds, List<String> sampleTitles) {
    }

    private ArticleLoad() {
    }

    static Loaded into(MongoTemplate mongo, int count, long seed) {
        long started = System.nanoTime();
        ReportGenerator generator = new ReportGenerator(seed);
        List<String> titles = new ArrayList<>();
        long bytes = 0;
        for (int done = 0; done < count; ) {
            int size = Math.min(BATCH, count - done);
            // the generator makes each report from its own random source, so a batch may be made in parallel
            List<Article> batch = generator.stream(size).parallel().map(ArticleLoad::article).toList();
            mongo.insert(batch, Article.class);
            for (Article article : batch) {
                bytes += textBytes(article);
                if (titles.size() < SAMPLE_TITLES) {
                    titles.add(article.title());
                }
            }
            done += size;
            if (done % 20_000 == 0 || done == count) {
                System.out.printf("  stored %,d articles%n", done);
            }
        }
        return new Loaded(count, bytes, (System.nanoTime() - started) / 1e9, titles);
    }

    private static Article article(GeneratedReport report) {
        return new Article(report.id(), 1, report.unit(), report.channel(), report.title(), report.subtitle(), report.body(),
                report.author(), report.contributor(), null, null, report.tags(), report.publishedAt(), null);
    }

    private static long textBytes(Article article) {
        return Stream.concat(Stream.of(article.title(), article.subtitle(), article.body(), article.unit(), article.author(),
                        article.contributor()), article.tags().stream())
                .filter(Objects::nonNull).mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
    }
}
