package dev.herald.moderation.screening;

import dev.herald.support.periodic.PeriodicPass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScreeningRules.class, ScreeningPolicy.class, LexiconProperties.class})
class ScreeningConfiguration {

    /** Picks up a lexicon changed through another instance; the first look one interval after start, which loaded it. */
    @Bean
    PeriodicPass lexiconRefreshPass(LexiconService lexicon, LexiconProperties properties) {
        return PeriodicPass.of("lexicon-refresh", properties.lexiconRefreshInterval(), lexicon::refresh);
    }
}
