package dev.herald.moderation.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the service does with a screening result on its own, beyond recording it. How a result is reached is the
 * rule book's ({@link ScreeningRules}); this decides nothing about the result, so it is no part of its version.
 *
 * @param autoRejectScore from this score on a LIKELY_SPAM report is rejected without a moderator, with the
 *                        findings as the reason; 0 (the default) leaves every decision to people
 */
@ConfigurationProperties("herald.screening.policy")
public record ScreeningPolicy(int autoRejectScore) {

    public boolean rejectsAutomatically(ScreeningResult result) {
        return autoRejectScore > 0 && result.verdict() == Verdict.LIKELY_SPAM && result.score() >= autoRejectScore;
    }
}
