package dev.herald.moderation.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The lexicon's one setting. It shares the {@code herald.screening} prefix with the rule book
 * ({@link ScreeningRules}, {@code herald.screening.rules}) and the policy ({@link ScreeningPolicy},
 * {@code herald.screening.policy}), each record owning its own keys.
 *
 * @param lexiconRefreshInterval how often each instance checks for a lexicon another instance changed
 */
@ConfigurationProperties("herald.screening")
public record LexiconProperties(Duration lexiconRefreshInterval) {

    public LexiconProperties {
        lexiconRefreshInterval = lexiconRefreshInterval == null ? Duration.ofSeconds(10) : lexiconRefreshInterval;
    }
}
