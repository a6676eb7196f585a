package dev.herald.search.fulltext;

import dev.herald.search.article.ArticleStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    /**
     * Opens the index and brings it in line with the store before any consumer starts (the consumer
     * depends on this bean), so a rebuild never races a fresh publication.
     */
    @Bean(destroyMethod = "close")
    ArticleIndex articleIndex(@Value("${herald.search.index-path}") Path path,
                              @Value("${herald.search.zone:Asia/Shanghai}") ZoneId zone,
                              ArticleStore store, MeterRegistry meters) throws IOException {
        ArticleIndex index = ArticleIndex.open(path, zone);
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
