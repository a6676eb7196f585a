package dev.herald.moderation.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How findings add up to a verdict. Scores are the sum of severity weights (HIGH 10, MEDIUM 3, LOW 1),
 * page chrome capped.
 *
 * @param version          recorded on every result, to be bumped whenever the rules below change
 * @param attentionScore   from this score on a report needs a moderator's attention
 * @param spamScore        from this score on a report is likely spam
 * @param channels         the channels reports may be filed under; empty accepts any
 * @param autoRejectScore  from this score on a LIKELY_SPAM report is rejected without a moderator, with the
 *                         findings as the reason; 0 (the default) leaves every decision to people
 */
@ConfigurationProperties("herald.screening.policy")
public record ScreeningPolicy(String version, int attentionScore, int spamScore, java.util.Set<String> channels,
                              int autoRejectScore) {

    public ScreeningPolicy {
        version = version == null ? "policy-2" : version;
        channels = channels == null ? java.util.Set.of() : java.util.Set.copyOf(channels);
        attentionScore = attentionScore <= 0 ? 3 : attentionScore;
        spamScore = spamScore <= 0 ? 30 : spamScore;
    }

    public boolean rejectsAutomatically(ScreeningResult result) {
        return autoRejectScore > 0 && result.verdict() == Verdict.LIKELY_SPAM && result.score() >= autoRejectScore;
    }

    /**
     * Page chrome is untidiness, not spam: however many blocks a pasted page brings, together they
     * weigh at most {@value #CHROME_CAP}, so a clean report on a heavy page asks for attention and is
     * never likely spam on that account.
     */
    static final int CHROME_CAP = 6;

    int score(java.util.List<Finding> findings) {
        int chrome = 0;
        int rest = 0;
        for (Finding f : findings) {
            if (f.kind() == Finding.Kind.CHROME) {
                chrome += f.severity().weight();
            } else {
                rest += f.severity().weight();
            }
        }
        return rest + Math.min(chrome, CHROME_CAP);
    }

    Verdict verdict(int score) {
        return score >= spamScore ? Verdict.LIKELY_SPAM : score >= attentionScore ? Verdict.NEEDS_ATTENTION : Verdict.CLEAN;
    }
}
