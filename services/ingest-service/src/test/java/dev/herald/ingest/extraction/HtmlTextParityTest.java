package dev.herald.ingest.extraction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The same page gives the same draft whether it is submitted as its HTML or as a text dump of it. */
class HtmlTextParityTest {

    private final PageExtractor extractor = new PageExtractor(LabelledPages.hints());

    @ParameterizedTest
    @ValueSource(strings = {"report-nanning-tcm-hospital", "report-chaoyang-health-system", "report-guizhou-jiangjunshan-hospital",
            "p01-school-text", "p21-crumb-lines-text"})
    void aTextDumpAndItsPageAsHtmlGiveTheSameFieldsAndBody(String name) {
        String text = LabelledPages.resource("extraction/pages/" + name + ".txt");
        Extraction fromText = extractor.extract(text, PageFormat.TEXT);
        Extraction fromHtml = extractor.extract(asHtml(text), PageFormat.HTML);
        // HTML collapses runs of spaces inside a line, a text dump keeps them; the lines are otherwise the same
        assertThat(fromHtml.lines()).hasSameSizeAs(fromText.lines());
        assertSame(fromHtml, fromText);
    }

    @Test
    void anHtmlPageAndTheTextABrowserShowsForItGiveTheSameFields() {
        String html = LabelledPages.resource("extraction/pages/p02-hospital-html.html");
        Extraction fromHtml = extractor.extract(html, PageFormat.HTML);
        Extraction fromText = extractor.extract(String.join("\n", fromHtml.lines()), PageFormat.TEXT);
        assertSame(fromHtml, fromText);
        assertThat(fromHtml.title().value()).isEqualTo("以案为鉴守底线 警钟长鸣促廉洁");
    }

    private static void assertSame(Extraction a, Extraction b) {
        assertThat(a.body()).isEqualTo(b.body());
        assertThat(a.sections()).isEqualTo(b.sections());
        for (var f : new java.util.function.Function[]{(java.util.function.Function<Extraction, ExtractedField>) Extraction::title,
                (java.util.function.Function<Extraction, ExtractedField>) Extraction::subtitle,
                (java.util.function.Function<Extraction, ExtractedField>) Extraction::originalDate,
                (java.util.function.Function<Extraction, ExtractedField>) Extraction::sourceSite,
                (java.util.function.Function<Extraction, ExtractedField>) Extraction::author,
                (java.util.function.Function<Extraction, ExtractedField>) Extraction::editor,
                (java.util.function.Function<Extraction, ExtractedField>) Extraction::contributor,
                (java.util.function.Function<Extraction, ExtractedField>) Extraction::contributingUnit,
                (java.util.function.Function<Extraction, ExtractedField>) Extraction::channel}) {
            assertThat(ExtractionAccuracyTest.value((ExtractedField) f.apply(a))).isEqualTo(ExtractionAccuracyTest.value((ExtractedField) f.apply(b)));
        }
    }

    /** A page whose lines are the dump's: menus as list items, the rest as paragraphs, with head, scripts and styles. */
    private static String asHtml(String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>页面</title><style>p{margin:0}</style>"
                + "<script>var a = '<p>不是正文</p>';</script></head><body><div class=\"wrap\">");
        for (String line : PageReader.textLines(text)) {
            String escaped = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            html.append(line.length() <= 8 ? "<ul><li><a href=\"#\">" + escaped + "</a></li></ul>" : "<p>" + escaped + "</p>").append('\n');
        }
        return html.append("</div><script>track();</script></body></html>").toString();
    }
}
