package dev.herald.search.analysis;

import dev.herald.text.FoldingCharFilter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.Reader;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The analysis chains, each behind the same folding, so that whatever variant of a character a report
 * or a query uses, the index and the query meet on one form.
 */
public final class Analyzers {

    private Analyzers() {
    }

    /** Words as SmartChineseAnalyzer's segmenter finds them: precise, and what relevance leans on. */
    public static Analyzer words() {
        return folding(() -> {
            Tokenizer tokenizer = new HMMChineseTokenizer();
            TokenStream stream = new StopFilter(new PorterStemFilter(tokenizer), SmartChineseAnalyzer.getDefaultStopSet());
            return new Analyzer.TokenStreamComponents(tokenizer, stream);
        });
    }

    /** Overlapping character pairs: finds names and new words however the segmenter cuts them. */
    public static Analyzer bigrams() {
        return folding(() -> {
            Tokenizer tokenizer = new StandardTokenizer();
            return new Analyzer.TokenStreamComponents(tokenizer, new CJKBigramFilter(new LowerCaseFilter(tokenizer)));
        });
    }

    public static Analyzer pinyin(boolean initials) {
        return folding(() -> {
            Tokenizer tokenizer = new PinyinTokenizer(initials);
            return new Analyzer.TokenStreamComponents(tokenizer);
        });
    }

    /** One analyzer for a whole document: the default for word fields, the named ones for the rest. */
    public static Analyzer perField(Map<String, Analyzer> byField) {
        return new PerFieldAnalyzerWrapper(words(), byField);
    }

    private static Analyzer folding(Supplier<Analyzer.TokenStreamComponents> components) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return components.get();
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new FoldingCharFilter(reader);
            }
        };
    }
}
