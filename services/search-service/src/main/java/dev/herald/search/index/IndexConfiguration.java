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
     * Opens the index; {@link StartupCatchUp} brings it in line with the store once the service is up, so a large
     * repair (hundreds of thousands of articles after a crash or a copied store) never holds the service's start.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "herald.search.backend", havingValue = "embedded", matchIfMissing = true)
    ArticleIndex articleIndex(IndexProperties properties, MeterRegistry meters) throws IOException {
        ArticleIndex index = ArticleIndex.open(properties);
        Gauge.builder("herald.search.index.documents", index, ArticleIndex::size)
                .description("Articles in the search index").register(meters);
        return index;
    }

    @Bean
    @ConditionalOnProperty(name = "herald.search.backend", havingValue = "embedded", matchIfMissing = true)
    StartupCatchUp startupCatchUp(ArticleIndex index, ArticleStore store) {
        return new StartupCatchUp(index, store);
    }
}
