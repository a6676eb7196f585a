package dev.herald.searchengine.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
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
