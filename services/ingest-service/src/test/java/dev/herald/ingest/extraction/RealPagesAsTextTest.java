package dev.herald.ingest.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real labelled pages as a scraper saves them: the head's title on the first line, then the page's text with a
 * line per block, no markup. Units import such dumps (the shared corpus is three of them), and a dump keeps none of
 * what the HTML reading leans on (the head, headings, links, chrome classes, meta dates), so it is measured apart.
 */
class RealPagesAsTextTest {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "tr", "td", "th", "table", "section", "article", "header", "footer", "nav", "aside", "main", "dd", "dt",
            "dl", "blockquote", "pre", "form", "figure", "figcaption", "address", "center", "hr", "br", "body");
    private static final List<String> FIELDS = List.of("title", "originalDate", "author", "sourceSite", "bodyFirst", "bodyLast");

    @Test
    void textDumpsOfRealPagesReadAlmostAsWellAsTheirHtml() throws Exception {
        PageExtractor extractor = new PageExtractor(ExtractionHints.none());
        Map<String, int[]> html = new TreeMap<>(), text = new TreeMap<>();
        List<String> devMisses = new ArrayList<>();
        for (RealPagesAccuracyTest.Page page : RealPagesAccuracyTest.pages()) {
            Extraction fromHtml = extractor.extract(page.html(), PageFormat.HTML);
            Extraction fromText = extractor.extract(dump(page.html()), PageFormat.TEXT);
            for (String field : FIELDS) {
                String want = page.labels().get(field) == null || page.labels().get(field).isNull() ? null : page.labels().get(field).asString();
                String got = RealPagesAccuracyTest.extracted(field, fromText);
                tally(html, page.split() + " " + field, RealPagesAccuracyTest.matches(field, want, RealPagesAccuracyTest.extracted(field, fromHtml)));
                boolean right = RealPagesAccuracyTest.matches(field, want, got);
                tally(text, page.split() + " " + field, right);
                if (!right && "dev".equals(page.split())) devMisses.add("| " + page.name() + " | " + field + " | " + cell(want) + " | " + cell(got) + " |");
            }
        }
        StringBuilder md = new StringBuilder("## Real pages as text dumps\n\n| split field | as HTML | as a text dump |\n| --- | --- | --- |\n");
        html.forEach((k, h) -> md.append("| ").append(k).append(" | ").append(h[0]).append('/').append(h[1]).append(" | ")
                .append(text.get(k)[0]).append('/').append(text.get(k)[1]).append(" |\n"));
        md.append("\n### Dev split misses as text\n\n| page | field | label | extracted |\n| --- | --- | --- | --- |\n");
        devMisses.forEach(m -> md.append(m).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/real-extraction-accuracy-text.md"), md);

        // floors as reached on 2026-12-05 (48 test pages as dumps: title 43, date 45, body start 39), held so they
        // cannot drop; before a dump's first line was read as the head title they were 34, 41 and 39
        assertThat(share(text, "test title")).as(md.toString()).isGreaterThanOrEqualTo(0.89);
        assertThat(share(text, "test originalDate")).as(md.toString()).isGreaterThanOrEqualTo(0.93);
        assertThat(share(text, "test bodyFirst")).as(md.toString()).isGreaterThanOrEqualTo(0.81);
        assertThat(share(text, "dev title")).as(md.toString()).isGreaterThanOrEqualTo(0.95);
    }

    /** What a scraper saves of a page: the head's title, a blank line, then the body's text broken at every block. */
    static String dump(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, template").remove();
        StringBuilder out = new StringBuilder(doc.title()).append("\n\n");
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) out.append(t.text());
                else if (node instanceof Element e && BLOCKS.contains(e.normalName())) out.append('\n');
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) out.append('\n');
            }
        }, doc.body());
        return out.toString();
    }

    private static void tally(Map<String, int[]> into, String key, boolean right) {
        int[] t = into.computeIfAbsent(key, k -> new int[2]);
        t[1]++;
        if (right) t[0]++;
    }

    private static double share(Map<String, int[]> tallies, String key) {
        int[] t = tallies.get(key);
        return (double) t[0] / t[1];
    }

    private static String cell(String v) {
        String s = v == null ? "(none)" : v.replace("|", "\\|").replace("\n", " ");
        return s.length() > 70 ? s.substring(0, 67) + "..." : s;
    }
}
