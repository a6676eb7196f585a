package dev.herald.search.index;

import dev.herald.search.article.ArticleStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.io.IOException;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IndexProperties.class)
class IndexConfiguration {

    @Bean
    SearchInstance searchInstance(IndexProperties properties) {
        return SearchInstance.of(properties);
    }

    /** Static and bound by hand: it must exist before the binding properties it adjusts are initialised. */
    @Bean
    static PerInstanceConsumerGroups perInstanceConsumerGroups(Environment environment) {
        return new PerInstanceConsumerGroups(SearchInstance.of(IndexProperties.from(environment)));
    }

    /**
     * Opens the index and brings it in line with the store before any consumer starts (the consumer
     * depends on this bean), so a rebuild or repair never races a fresh publication.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "herald.search.backend", havingValue = "embedded", matchIfMissing = true)
    ArticleIndex articleIndex(IndexProperties properties, ArticleStore store, MeterRegistry meters) throws IOException {
        ArticleIndex index = ArticleIndex.open(properties);
        try {
            index.catchUpWith(store);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        Gauge.builder("herald.search.index.documents", index, ArticleIndex::size)
                .description("Articles in the search index").register(meters);
        return index;
    }
}
