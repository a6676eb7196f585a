package dev.herald.search.analysis;

import dev.herald.text.FoldingCharFilter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FoldingCharFilterTest {

    // the search benchmark's generated reports found this: an ellipsis folds to three dots, and the segmenter's
    // token for the second dot ended before it started, which failed the article's indexing and every rebuild
    @Test
    void charactersThatFoldToMoreKeepEveryTokenInsideTheOriginal() throws IOException {
        String text = "会议强调……要做好防疫工作，面积200㎡，ＡＢＣ⑩完毕";
        for (Analyzer analyzer : List.of(Analyzers.words(), Analyzers.bigrams())) {
            List<String> marked = tokens(analyzer, text);
            assertThat(marked).contains("防疫", "工作");
        }
    }

    @Test
    void aFoldedWordIsMarkedOnTheCharactersAsWritten() throws IOException {
        String text = "医院引进ＣＴ设备";
        List<String> marked = tokens(Analyzers.words(), text);
        assertThat(marked).contains("ＣＴ");
    }

    /** The original text under each token's offsets; checks the offsets on the way. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> marked = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            int lastStart = 0;
            while (tokens.incrementToken()) {
                assertThat(offset.startOffset()).as("start of %s", term).isGreaterThanOrEqualTo(lastStart);
                assertThat(offset.endOffset()).as("end of %s", term).isBetween(offset.startOffset(), text.length());
                lastStart = offset.startOffset();
                marked.add(text.substring(offset.startOffset(), offset.endOffset()));
            }
            tokens.end();
        }
        return marked;
    }
}
