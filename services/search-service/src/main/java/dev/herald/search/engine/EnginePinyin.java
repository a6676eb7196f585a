package dev.herald.search.engine;

import dev.herald.search.analysis.Analyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The pinyin of a title or unit as the engine indexes it: the embedded index's own pinyin analysis, run here,
 * its positions written out as words and the readings of one character joined by {@code |}
 * ({@code nan ning zhong|chong yi}), which the plugin's {@code herald_stacked} filter puts back on one position.
 * So the engine needs no pinyin of its own, and both backends read a polyphone alike.
 */
final class EnginePinyin {

    private static final Analyzer SYLLABLES = Analyzers.pinyin(false);
    private static final Analyzer INITIALS = Analyzers.pinyin(true);

    private EnginePinyin() {
    }

    static String readings(String text, boolean initials) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        try (TokenStream stream = (initials ? INITIALS : SYLLABLES).tokenStream("pinyin", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!out.isEmpty()) {
                    out.append(increment.getPositionIncrement() == 0 ? '|' : ' ');
                }
                out.append(term);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
