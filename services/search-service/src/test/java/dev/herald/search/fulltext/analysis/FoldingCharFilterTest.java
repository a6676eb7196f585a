package dev.herald.search.fulltext.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Folded tokens must still point at the characters the unit wrote, whatever folding did to the text. */
class FoldingCharFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"疫情防控……党员先锋", "ＡＢＣ医院开展５Ｓ管理", "单位\u200B名称", "㍿与株式会社", "面积12㎡的活动室", "Ⅻ号楼ﬃ"})
    void everyTokenOffsetLiesInTheOriginalTextInOrder(String text) throws IOException {
        for (Analyzer analyzer : List.of(Analyzers.words(), Analyzers.bigrams(), Analyzers.pinyin(false))) {
            int previousStart = 0;
            for (int[] span : spans(analyzer, text)) {
                assertThat(span[0]).isBetween(0, text.length());
                assertThat(span[1]).isBetween(span[0], text.length());
                assertThat(span[0]).isGreaterThanOrEqualTo(previousStart);
                previousStart = span[0];
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ＡＢＣ医院"})
    void aFullWidthWordIsOneTokenSpanningItsOriginalCharacters(String text) throws IOException {
        List<int[]> spans = spans(Analyzers.bigrams(), text);

        assertThat(spans.getFirst()).containsExactly(0, 3);
    }

    private static List<int[]> spans(Analyzer analyzer, String text) throws IOException {
        List<int[]> spans = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                spans.add(new int[]{offset.startOffset(), offset.endOffset()});
            }
            tokens.end();
        }
        return spans;
    }
}
