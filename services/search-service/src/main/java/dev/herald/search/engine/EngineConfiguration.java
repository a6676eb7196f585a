package dev.herald.search.engine;

import dev.herald.search.article.ArticleStore;
import dev.herald.search.dictionary.DictionaryService;
import dev.herald.search.index.IndexProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * With {@code herald.search.backend=opensearch}, one bean serves both ports, indexing and searching, and no
 * Lucene index is opened on this instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
class EngineConfiguration {

    /**
     * Brought in line with the store before any consumer starts (the consumers depend on it): the engine's index must
     * exist with its mapping before a put creates it otherwise. The embedded index catches up after the start instead.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "herald.search.backend", havingValue = "opensearch")
    OpenSearchArticles openSearchArticles(EngineProperties properties, IndexProperties index, DictionaryService dictionary,
                                          ArticleStore store, MeterRegistry meters) throws IOException {
        OpenSearchArticles articles = new OpenSearchArticles(properties.engine(), index, dictionary);
        try {
            articles.catchUpWith(store);
        } catch (IOException | RuntimeException e) {
            articles.close();
            throw e;
        }
        Gauge.builder("herald.search.index.documents", articles, OpenSearchArticles::size)
                .description("Articles in the search engine's index").register(meters);
        return articles;
    }
}
