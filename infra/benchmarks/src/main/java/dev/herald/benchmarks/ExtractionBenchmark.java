package dev.herald.benchmarks;

import dev.herald.ingest.extraction.ExtractionHints;
import dev.herald.ingest.extraction.PageExtractor;
import dev.herald.ingest.extraction.PageFormat;
import dev.herald.ingest.extraction.UnitName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Imported pages extracted per second, one thread: each corpus page as its text dump, and an HTML page with menus,
 * breadcrumb, scripts and footer, so the jsoup reading is measured beside the line-based extraction it feeds.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ExtractionBenchmark {

    @Param({"report-nanning-tcm-hospital.txt", "report-chaoyang-health-system.txt", "report-guizhou-jiangjunshan-hospital.txt",
            "p02-hospital-html.html", "p09-multistory-html.html"})
    public String page;

    private String content;
    private PageFormat format;
    private PageExtractor extractor;

    @Setup
    public void read() throws IOException {
        try (InputStream in = ExtractionBenchmark.class.getResourceAsStream("/extraction/" + page)) {
            if (in == null) throw new IllegalStateException("no page extraction/" + page + " in the benchmark jar");
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        format = page.endsWith(".html") ? PageFormat.HTML : PageFormat.TEXT;
        extractor = new PageExtractor(new ExtractionHints(
                List.of("党建新闻", "党旗飘扬·战疫情", "党建案例", "廉政教育", "党建风采", "培训活动", "党建知识", "通知公告"),
                List.of(new UnitName("南宁市中医医院", List.of("南宁中医院")),
                        new UnitName("北京市朝阳区卫生健康委员会", List.of("朝阳区卫健委", "健康朝阳")),
                        new UnitName("柳州市人民医院", List.of()))));
        if (extractor.extract(content, format).body().isEmpty()) {
            throw new IllegalStateException("extraction of " + page + " found no body: the benchmark would measure nothing");
        }
    }

    @Benchmark
    public Object extract() {
        return extractor.extract(content, format);
    }
}
