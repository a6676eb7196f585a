package dev.herald.search.dictionary;

import dev.herald.support.periodic.PeriodicPass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks up a dictionary saved through another instance; this instance's own saves apply at once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DictionaryProperties.class)
class DictionaryRefresh {

    /** The first look one interval after start, which read the dictionary already. */
    @Bean
    PeriodicPass dictionaryRefreshPass(DictionaryService dictionary, DictionaryProperties properties) {
        return PeriodicPass.of("dictionary-refresh", properties.dictionaryRefreshInterval(), dictionary::refresh);
    }
}
