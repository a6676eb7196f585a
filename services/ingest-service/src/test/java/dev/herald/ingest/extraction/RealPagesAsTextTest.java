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
 * The real labelled pages as text: as a scraper saves them (the head's title on the first line, then the page's text
 * with a line per block) and as a browser's copy of the page (the text alone). Units import such dumps (the shared
 * corpus is three of them), and a dump keeps none of what the HTML reading leans on (the head, headings, links,
 * chrome classes, meta dates), so it is measured apart.
 */
class RealPagesAsTextTest {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "tr", "td", "th", "table", "section", "article", "header", "footer", "nav", "aside", "main", "dd", "dt",
            "dl", "blockquote", "pre", "form", "figure", "figcaption", "address", "center", "hr", "br", "body");
    private static final List<String> FIELDS = List.of("title", "originalDate", "author", "sourceSite", "bodyFirst", "bodyLast");
    // both forms are set beside the same reading of the HTML, made once: the suite's longest module need not pay twice
    private static final Map<String, Extraction> AS_HTML = new java.util.concurrent.ConcurrentHashMap<>();

    // floors as reached on 2026-12-05 on the 48 test pages (title, date, body start), held so they cannot drop
    @Test
    void scrapersDumpsOfRealPagesReadAlmostAsWellAsTheirHtml() throws Exception {
        // 47, 47, 40; before a dump's first line was read as the head title, 34, 41 and 39. Round eighteen's three test
        // pages (2026-12-06, blogs and forums) read 2, 3 and 3: 51, 52 and 45 of 53. Round nineteen's eight (DAnIEL
        // corpus, 2011-2012) read 7, 7 and 5: 58, 59 and 50 of 61; round twenty's nine: 67, 67 and 55 of 70. Round
        // twenty-three's nine read 9, 9 and 6: 86, 86 and 69 of 89 (body start 77.5%, its floor 77%); after that
        // session's rules 86, 86, 71; round twenty-four's nine 9, 9 and 7: 95, 95 and 78 of 98; with round twenty-five
        // 101, 103 and 85 of 106. Round twenty-six's 28 (2026-12-07, measured before any rule changed) read 25, 28 and 18:
        // 126, 131 and 103 of 134 (title 94.0%, body start 76.9%), the floors moved down to them; after the round's rules
        // 130, 131 and 114 (a row of counters and tools on a line of its own, 0人参与0条评论打印转发, is no text: 103 -> 114)
        holdsFloors(measure(true, "target/real-extraction-accuracy-text.md"), 0.97, 0.97, 0.88);
    }

    @Test
    void browsersCopiesOfRealPagesWithoutTheHeadFindTheHeadlineOverTheDateLine() throws Exception {
        // 46, 49, 42 of 50 (2026-12-06); 44, 47, 41 before the text under the dated headline outweighed a longer
        // block further down; 41, 45, 39 of 48 before the line over the article's date line was preferred. Round
        // eighteen's three test pages read 2, 3 and 3: 48, 52 and 45 of 53; round nineteen's eight 6, 7 and 5: 54, 59
        // and 50 of 61; round twenty's nine: 61, 67 and 55 of 70. Round twenty-three's nine read 9, 9 and 6: 81, 86 and
        // 69 of 89 (body start 77.5%, its floor 77%); after that session's rules 81, 86, 71; round twenty-four's nine
        // 9, 9 and 7: 90, 95 and 78 of 98; with round twenty-five 95, 103 and 85 of 106; with round twenty-six's 28
        // (2026-12-07, before any rule changed) 118, 131 and 101 of 134 (body start 75.4%, its floor 75%); after the
        // round's rules 122, 131 and 112 (title 91.0%, body start 83.6%)
        holdsFloors(measure(false, "target/real-extraction-accuracy-copied.md"), 0.94, 0.97, 0.88);
    }

    private static void holdsFloors(String md, double title, double date, double bodyStart) {
        assertThat(share(md, "test title")).as(md).isGreaterThanOrEqualTo(title);
        assertThat(share(md, "test originalDate")).as(md).isGreaterThanOrEqualTo(date);
        assertThat(share(md, "test bodyFirst")).as(md).isGreaterThanOrEqualTo(bodyStart);
    }

    private static String measure(boolean headTitleFirst, String reportFile) throws Exception {
        PageExtractor extractor = new PageExtractor(ExtractionHints.none());
        Map<String, int[]> html = new TreeMap<>(), text = new TreeMap<>();
        List<String> devMisses = new ArrayList<>();
        for (RealPagesAccuracyTest.Page page : RealPagesAccuracyTest.pages()) {
            Extraction fromHtml = AS_HTML.computeIfAbsent(page.name(), name -> extractor.extract(page.html(), PageFormat.HTML));
            Extraction fromText = extractor.extract(dump(page.html(), headTitleFirst), PageFormat.TEXT);
            for (String field : FIELDS) {
                String want = RealPagesAccuracyTest.text(page.labels().get(field));
                String got = RealPagesAccuracyTest.extracted(field, fromText);
                tally(html, page.split() + " " + field, RealPagesAccuracyTest.matches(field, want, RealPagesAccuracyTest.extracted(field, fromHtml)));
                boolean right = RealPagesAccuracyTest.matches(field, want, got);
                tally(text, page.split() + " " + field, right);
                if (!right && "dev".equals(page.split())) devMisses.add("| " + page.name() + " | " + field + " | " + RealPagesAccuracyTest.cell(want) + " | " + RealPagesAccuracyTest.cell(got) + " |");
            }
        }
        StringBuilder md = new StringBuilder("## Real pages as text " + (headTitleFirst ? "dumps, the head title first" : "copied from a browser, no head")
                + "\n\n| split field | as HTML | as text |\n| --- | --- | --- |\n");
        html.forEach((k, h) -> md.append("| ").append(k).append(" | ").append(h[0]).append('/').append(h[1]).append(" | ")
                .append(text.get(k)[0]).append('/').append(text.get(k)[1]).append(" |\n"));
        md.append("\n### Dev split misses as text\n\n| page | field | label | extracted |\n| --- | --- | --- | --- |\n");
        devMisses.forEach(m -> md.append(m).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of(reportFile), md);
        return md.toString();
    }

    /** The page's text broken at every block, after the head's title and a blank line when a scraper saved it. */
    static String dump(String html, boolean headTitleFirst) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, noscript, template").remove();
        StringBuilder out = new StringBuilder(headTitleFirst ? doc.title() + "\n\n" : "");
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

    /** The text column's share for a row of the report ("| test title | 46/48 | 43/48 |"). */
    private static double share(String report, String row) {
        String line = report.lines().filter(l -> l.startsWith("| " + row + " |")).findFirst().orElseThrow();
        String[] counts = line.split("\\|")[3].strip().split("/");
        return Double.parseDouble(counts[0]) / Double.parseDouble(counts[1]);
    }
}
