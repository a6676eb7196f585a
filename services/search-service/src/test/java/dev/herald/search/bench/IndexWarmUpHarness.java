package dev.herald.search.bench;

import dev.herald.corpus.GeneratedReport;
import dev.herald.corpus.ReportGenerator;
import dev.herald.search.article.Article;
import dev.herald.search.index.ArticleIndex;
import dev.herald.search.index.IndexProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one article's indexing costs in a fresh JVM, article after article, as the consumer writes them:
 * the mean of {@code put} and of {@code put} then {@code refresh} (what makes it searchable) over the
 * first 30, the next 70, 200 and 700. Run its main in the JVM flags the services run with
 * ({@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}) and without them, to see what a fresh service pays
 * before its code is compiled.
 */
public final class IndexWarmUpHarness {

    private IndexWarmUpHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("index-warm-up");
        List<GeneratedReport> reports = new ReportGenerator(2026).stream(1_000).toList();
        int[] windows = {30, 100, 300, 1_000};
        try (ArticleIndex index = ArticleIndex.open(new IndexProperties(dir, null, null, null, null, null))) {
            int from = 0;
            for (int to : windows) {
                long put = 0;
                long visible = 0;
                for (int i = from; i < to; i++) {
                    GeneratedReport r = reports.get(i);
                    long start = System.nanoTime();
                    index.put(new Article(r.id(), 1, r.unit(), r.channel(), r.title(), r.subtitle(), r.body(), r.author(),
                            r.contributor(), null, null, r.tags(), r.publishedAt(), null));
                    long written = System.nanoTime();
                    index.refresh();
                    put += written - start;
                    visible += System.nanoTime() - start;
                }
                System.out.printf("articles %4d-%4d: put mean %.1f ms, put+refresh mean %.1f ms%n", from + 1, to,
                        put / 1e6 / (to - from), visible / 1e6 / (to - from));
                from = to;
            }
        }
        System.exit(0);
    }
}
