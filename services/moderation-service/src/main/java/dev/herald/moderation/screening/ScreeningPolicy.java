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
 * @param names            how a name the lexicon does not know, recurring in a report, is judged
 */
@ConfigurationProperties("herald.screening.policy")
public record ScreeningPolicy(String version, int attentionScore, int spamScore, java.util.Set<String> channels,
                              int autoRejectScore, RecurringNames names) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public ScreeningPolicy {
        version = version == null ? "policy-3" : version;
        channels = channels == null ? java.util.Set.of() : java.util.Set.copyOf(channels);
        attentionScore = attentionScore <= 0 ? 3 : attentionScore;
        spamScore = spamScore <= 0 ? 30 : spamScore;
        names = names == null ? new RecurringNames(0, 0, 0, 0, null, 0, 0) : names;
    }

    /** The policy as it was before names were judged, with their defaults. */
    public ScreeningPolicy(String version, int attentionScore, int spamScore, java.util.Set<String> channels,
                           int autoRejectScore) {
        this(version, attentionScore, spamScore, channels, autoRejectScore, null);
    }

    /**
     * A planted brand: a name-like string that recurs where the unit's own words belong.
     *
     * @param minOccurrences how often a string must recur in the body to be judged at all
     * @param minLength      the shortest name judged, in characters
     * @param maxLength      the longest
     * @param noveltyBits    bits per character, under the model of clean report prose, from which a string reads as
     *                       no word of real reports (their own topic words, 党支部, 党史学习教育, cost far fewer)
     * @param brandSuffixes  endings of commercial names; each is evidence
     * @param contactReach   how many characters from a contact a name stands when it is advertised with it
     * @param cap            the most all such findings weigh together: an unknown name with its own contact is
     *                       worth a moderator's look, and it takes more bait besides to make it likely spam
     */
    public record RecurringNames(int minOccurrences, int minLength, int maxLength, double noveltyBits,
                                 java.util.List<String> brandSuffixes, int contactReach, int cap) {

        public RecurringNames {
            minOccurrences = minOccurrences <= 0 ? 3 : minOccurrences;
            minLength = minLength <= 0 ? 2 : minLength;
            maxLength = maxLength <= 0 ? 8 : maxLength;
            noveltyBits = noveltyBits <= 0 ? 9.0 : noveltyBits;
            brandSuffixes = brandSuffixes == null ? java.util.List.of("公司", "集团", "平台", "娱乐", "国际", "官网", "科技",
                    "商城", "棋牌", "体育", "在线", "彩票", "网", "汇", "彩", "阁", "城") : java.util.List.copyOf(brandSuffixes);
            contactReach = contactReach <= 0 ? 40 : contactReach;
            cap = cap <= 0 ? 24 : cap;
        }
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
        int names = 0;
        int rest = 0;
        for (Finding f : findings) {
            switch (f.kind()) {
                case CHROME -> chrome += f.severity().weight();
                case RECURRING_NAME -> names += f.severity().weight();
                default -> rest += f.severity().weight();
            }
        }
        return rest + Math.min(chrome, CHROME_CAP) + Math.min(names, this.names.cap());
    }

    Verdict verdict(int score) {
        return score >= spamScore ? Verdict.LIKELY_SPAM : score >= attentionScore ? Verdict.NEEDS_ATTENTION : Verdict.CLEAN;
    }
}
