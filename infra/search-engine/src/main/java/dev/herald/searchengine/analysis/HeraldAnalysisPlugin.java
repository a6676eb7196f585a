package dev.herald.searchengine.analysis;

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
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractCharFilterFactory;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.AbstractTokenizerFactory;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.CharFilterFactory;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

import java.io.Reader;
import java.util.Map;
import java.util.function.Function;

/**
 * The embedded index's analysis inside OpenSearch, so that both backends cut text alike: Herald's folding
 * (width, case, traditional to simplified, offsets kept) before smartcn's words or CJK pairs. The parts are
 * named for custom analyzers, and the two chains the search service maps are ready-made:
 * {@code herald_words} and {@code herald_bigrams}. Production would use the official analysis-smartcn
 * plugin instead; the folding has no official equivalent (ICU folds width and case, not the script).
 *
 * <p>{@code herald_stacked} takes tokens the search service has worked out itself (the pinyin readings of
 * titles and units, one position per character, {@code zhong|chong}) and stacks the alternatives of a token on
 * one position, so the engine indexes them as the embedded index's pinyin tokenizer does, without knowing pinyin.
 */
public class HeraldAnalysisPlugin extends Plugin implements AnalysisPlugin {

    public static final String FOLDING = "herald_folding";
    public static final String SMARTCN_TOKENIZER = "herald_smartcn";
    public static final String SMARTCN_STOP = "herald_smartcn_stop";
    public static final String STACKED = "herald_stacked";
    public static final String WORDS = "herald_words";
    public static final String BIGRAMS = "herald_bigrams";

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of(FOLDING, (index, environment, name, settings) -> new AbstractCharFilterFactory(index, name) {
            @Override
            public Reader create(Reader reader) {
                return new FoldingCharFilter(reader);
            }
        });
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(SMARTCN_TOKENIZER, (index, environment, name, settings) -> new AbstractTokenizerFactory(index, settings, name) {
            @Override
            public Tokenizer create() {
                return new HMMChineseTokenizer();
            }
        });
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            SMARTCN_STOP, (index, environment, name, settings) -> new AbstractTokenFilterFactory(index, name, settings) {
                @Override
                public TokenStream create(TokenStream stream) {
                    return new StopFilter(stream, SmartChineseAnalyzer.getDefaultStopSet());
                }
            },
            STACKED, (index, environment, name, settings) -> new AbstractTokenFilterFactory(index, name, settings) {
                @Override
                public TokenStream create(TokenStream stream) {
                    return new StackedAlternativesFilter(stream);
                }
            });
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
            WORDS, analyzer(HeraldAnalysisPlugin::words),
            BIGRAMS, analyzer(HeraldAnalysisPlugin::bigrams));
    }

    /** As the embedded index's words: smartcn, Porter stemming for Latin words, smartcn's stop words. */
    static Analyzer.TokenStreamComponents words(String field) {
        Tokenizer tokenizer = new HMMChineseTokenizer();
        TokenStream stream = new StopFilter(new PorterStemFilter(tokenizer), SmartChineseAnalyzer.getDefaultStopSet());
        return new Analyzer.TokenStreamComponents(tokenizer, stream);
    }

    /** As the embedded index's pairs: overlapping CJK character pairs, Latin words whole and lower-cased. */
    static Analyzer.TokenStreamComponents bigrams(String field) {
        Tokenizer tokenizer = new StandardTokenizer();
        return new Analyzer.TokenStreamComponents(tokenizer, new CJKBigramFilter(new LowerCaseFilter(tokenizer)));
    }

    static Analyzer folding(Function<String, Analyzer.TokenStreamComponents> components) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return components.apply(fieldName);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new FoldingCharFilter(reader);
            }
        };
    }

    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> analyzer(
            Function<String, Analyzer.TokenStreamComponents> components) {
        return (IndexSettings index, Environment environment, String name, Settings settings) -> {
            Analyzer analyzer = folding(components);
            return new AbstractIndexAnalyzerProvider<>(index, name, settings) {
                @Override
                public Analyzer get() {
                    return analyzer;
                }
            };
        };
    }
}
