package dev.herald.searchengine.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeraldAnalysisPluginTest {

    @Test
    void wordsAreFoldedBeforeSegmentationAndMarkedOnTheCharactersAsWritten() throws IOException {
        Analyzer words = HeraldAnalysisPlugin.folding(HeraldAnalysisPlugin::words);

        assertThat(tokens(words, "南寧市中醫院引進ＣＴ設備"))
            .containsExactly("南宁市@0-3", "中医院@3-6", "引进@6-8", "ct@8-10", "设备@10-12");
    }

    @Test
    void pairsFindANameTheSegmenterDoesNotKnow() throws IOException {
        Analyzer pairs = HeraldAnalysisPlugin.folding(HeraldAnalysisPlugin::bigrams);

        assertThat(tokens(pairs, "胡海莺在將軍山医院")).contains("胡海@0-2", "海莺@1-3", "将军@4-6", "军山@5-7");
    }

    @Test
    void aCharacterThatFoldsToSeveralKeepsEveryTokenInsideTheText() throws IOException {
        Analyzer words = HeraldAnalysisPlugin.folding(HeraldAnalysisPlugin::words);

        assertThat(tokens(words, "會議強調……要做好防疫工作")).contains("会议@0-2", "防疫@9-11", "工作@11-13");
    }

    @Test
    void alternativesWorkedOutByTheServiceShareOnePosition() throws IOException {
        Analyzer stacked = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new WhitespaceTokenizer();
                return new TokenStreamComponents(tokenizer, new StackedAlternativesFilter(tokenizer));
            }
        };

        List<String> positions = new ArrayList<>();
        try (TokenStream stream = stacked.tokenStream("f", "nan ning zhong|chong yi")) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                positions.add(term + "@" + position);
            }
            stream.end();
        }

        assertThat(positions).containsExactly("nan@0", "ning@1", "zhong@2", "chong@2", "yi@3");
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
        }
        return tokens;
    }
}
