package dev.herald.moderation.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The screening rule book: every number (and the few choices besides) that decides what a report's screening
 * finds and how the findings add up to a verdict, bound from {@code herald.screening.rules.*}, with the defaults
 * here and nowhere else. A value of zero or less (or none) takes the default. docs/screening.md explains each.
 * <p>
 * The {@link #version() version} recorded on every result is derived from the rules, so a result always names the
 * rules that produced it: change any of them, in code or in configuration, and the version changes with it. What
 * the service then does with a result (rejecting on its own) is {@link ScreeningPolicy}, not a rule of screening.
 *
 * @param attentionScore from this score on a report needs a moderator's attention ({@code NEEDS_ATTENTION})
 * @param spamScore      from this score on a report is likely spam ({@code LIKELY_SPAM})
 * @param weights        what each severity adds to the score
 * @param channels       the channels reports may be filed under; a report in another gets a LOW metadata finding;
 *                       empty accepts any
 * @param promotion      how much lexicon terms, contacts and click bait weigh
 * @param names          how a name the lexicon does not know, recurring in a report, is judged
 * @param chrome         how page chrome is recognised and how much it may weigh
 * @param scramble       the scrambled-text thresholds, calibrated on held-out clean reports
 * @param metadata       the sanity limits on the fields around the body
 * @param nearDuplicates how close an earlier report's fingerprint must be to make a report its near-duplicate
 */
@ConfigurationProperties("herald.screening.rules")
public record ScreeningRules(int attentionScore, int spamScore, Weights weights, Set<String> channels, Promotion promotion,
                             RecurringNames names, Chrome chrome, Scramble scramble, Metadata metadata,
                             Duplicates nearDuplicates) {

    private static final ScreeningRules DEFAULTS = new ScreeningRules(0, 0, null, null, null, null, null, null, null, null);

    public ScreeningRules {
        attentionScore = attentionScore <= 0 ? 3 : attentionScore;
        spamScore = spamScore <= 0 ? 30 : spamScore;
        weights = weights == null ? new Weights(0, 0, 0) : weights;
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        promotion = promotion == null ? new Promotion(null, null, null, null) : promotion;
        names = names == null ? new RecurringNames(0, 0, 0, 0, null, 0, 0, 0, null) : names;
        chrome = chrome == null ? new Chrome(0, 0, 0, 0, 0, null) : chrome;
        scramble = scramble == null ? new Scramble(0, 0, 0, 0, 0, 0, 0, 0, null) : scramble;
        metadata = metadata == null ? new Metadata(0, null, 0, null, null, null, null, null) : metadata;
        nearDuplicates = nearDuplicates == null ? new Duplicates(0, null) : nearDuplicates;
    }

    /** The rule book as shipped, every rule at its default. */
    public static ScreeningRules defaults() {
        return DEFAULTS;
    }

    /** These rules for reports filed under {@code known} channels. */
    public ScreeningRules withChannels(Set<String> known) {
        return new ScreeningRules(attentionScore, spamScore, weights, known, promotion, names, chrome, scramble, metadata,
                nearDuplicates);
    }

    /**
     * {@code policy-} and the first 8 hex digits of the SHA-256 of the rules written out in full, component by component
     * in declaration order (sets sorted): the same rules give the same version on every instance and after every
     * restart, and any change to one of them gives another.
     */
    public String version() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(this).getBytes(StandardCharsets.UTF_8));
            return "policy-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The rules written out as {@code name=value} pairs, nested rules in brackets. */
    static String canonical(Object value) {
        if (value instanceof Record record) {
            StringBuilder out = new StringBuilder("{");
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    out.append(component.getName()).append('=').append(canonical(component.getAccessor().invoke(record))).append(';');
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out.append('}').toString();
        }
        if (value instanceof Set<?> set) {
            return canonical(List.copyOf(new TreeSet<>(set)));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(ScreeningRules::canonical).toList().toString();
        }
        return String.valueOf(value);
    }

    int weight(Finding.Severity severity) {
        return switch (severity) {
            case HIGH -> weights.high();
            case MEDIUM -> weights.medium();
            case LOW -> weights.low();
        };
    }

    /** The score of a set of findings: the sum of their weights, page chrome and recurring names each capped. */
    int score(List<Finding> findings) {
        int chromeWeight = 0;
        int namesWeight = 0;
        int rest = 0;
        for (Finding f : findings) {
            switch (f.kind()) {
                case CHROME -> chromeWeight += weight(f.severity());
                case RECURRING_NAME -> namesWeight += weight(f.severity());
                // a classification marking is no sign of spam: it holds the report for a leader's sign-off instead
                // (the review marks it important), and must not get an honest unit's report rejected as spam
                case CONFIDENTIAL -> { }
                default -> rest += weight(f.severity());
            }
        }
        return rest + Math.min(chromeWeight, chrome.cap()) + Math.min(namesWeight, names.cap());
    }

    Verdict verdict(int score) {
        return score >= spamScore ? Verdict.LIKELY_SPAM : score >= attentionScore ? Verdict.NEEDS_ATTENTION : Verdict.CLEAN;
    }

    /**
     * What a finding of each severity adds to the score. With the default thresholds one HIGH finding asks for
     * attention and three make a report likely spam; one MEDIUM asks for attention; a LOW one alone does neither.
     */
    public record Weights(int high, int medium, int low) {

        public Weights {
            high = high <= 0 ? 10 : high;
            medium = medium <= 0 ? 3 : medium;
            low = low <= 0 ? 1 : low;
        }
    }

    /**
     * How much the promotion detector's findings weigh.
     *
     * @param term         a promotional or gambling term of the lexicon
     * @param contact      a link, short link, IP address, e-mail address, mobile, QQ or WeChat id, or a QR-code prompt
     * @param officialLink a link to a {@code .gov.cn}, {@code .edu.cn} or {@code .org.cn} site: a unit may name its own
     *                     or the government's site, still a link to look at
     * @param clickBait    点击进入, 立即注册 and the like
     */
    public record Promotion(Finding.Severity term, Finding.Severity contact, Finding.Severity officialLink,
                            Finding.Severity clickBait) {

        public Promotion {
            term = term == null ? Finding.Severity.HIGH : term;
            contact = contact == null ? Finding.Severity.MEDIUM : contact;
            officialLink = officialLink == null ? Finding.Severity.LOW : officialLink;
            clickBait = clickBait == null ? Finding.Severity.MEDIUM : clickBait;
        }
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
     * @param bareMinLength  the shortest name in Chinese characters judged on a contact beside it alone: a shorter one
     *                       needs a brand's ending, for two characters recurring by a link are as often an ordinary
     *                       word of the text (登录, 查询, 改版 on a page about a web service) as a name
     * @param publicBodySuffixes endings of public bodies' names (医保局, 卫健委, 健保局): a report names the bureau it
     *                       deals with again and again, beside the bureau's own site, and a bureau is no brand
     */
    public record RecurringNames(int minOccurrences, int minLength, int maxLength, double noveltyBits,
                                 List<String> brandSuffixes, int contactReach, int cap, int bareMinLength,
                                 List<String> publicBodySuffixes) {

        public RecurringNames {
            minOccurrences = minOccurrences <= 0 ? 3 : minOccurrences;
            minLength = minLength <= 0 ? 2 : minLength;
            maxLength = maxLength <= 0 ? 8 : maxLength;
            noveltyBits = noveltyBits <= 0 ? 8.0 : noveltyBits;
            brandSuffixes = brandSuffixes == null ? List.of("公司", "集团", "平台", "娱乐", "国际", "官网", "科技",
                    "商城", "棋牌", "体育", "在线", "彩票", "网", "汇", "彩", "阁", "城") : List.copyOf(brandSuffixes);
            contactReach = contactReach <= 0 ? 40 : contactReach;
            cap = cap <= 0 ? 24 : cap;
            bareMinLength = bareMinLength <= 0 ? 3 : bareMinLength;
            publicBodySuffixes = publicBodySuffixes == null ? List.of("局", "委", "厅", "署", "政府", "委员会", "办公室", "人大", "政协",
                    "法院", "检察院") : List.copyOf(publicBodySuffixes);
        }
    }

    /**
     * Page chrome is untidiness, not spam.
     *
     * @param cap         the most all chrome findings weigh together, however many blocks a pasted page brings: a clean
     *                    report on a heavy page asks for attention and is never likely spam on that account
     * @param menuRun     this many consecutive short lines without sentence punctuation are a navigation menu
     * @param menuItemMax the longest line, in characters, that may be a menu item
     * @param proseMin    a line longer than this with a sentence in it is the report's own text, whatever it mentions
     * @param listFrom    a recommendation-list heading (相关阅读, 为您推荐…) past this share of the page takes the rest of
     *                    the page with it
     * @param severity    of each block of chrome
     */
    public record Chrome(int cap, int menuRun, int menuItemMax, int proseMin, double listFrom, Finding.Severity severity) {

        public Chrome {
            cap = cap <= 0 ? 6 : cap;
            menuRun = menuRun <= 0 ? 5 : menuRun;
            menuItemMax = menuItemMax <= 0 ? 16 : menuItemMax;
            proseMin = proseMin <= 0 ? 40 : proseMin;
            listFrom = listFrom <= 0 ? 0.6 : listFrom;
            severity = severity == null ? Finding.Severity.MEDIUM : severity;
        }
    }

    /**
     * Scrambled text. The thresholds come from held-out clean reports; {@code ScrambleCalibrationTest} fails when they
     * no longer follow from the shipped clean prose.
     *
     * @param minHan              sentences with fewer Han characters (headings, captions, dates) are not judged
     * @param spliceBits          a sentence is spliced when a title fragment saves more bits than this: the 99.5th
     *                            percentile of held-out clean sentences
     * @param spliceBitsStrong    ...and surely spliced above every held-out clean sentence
     * @param splicedShare        a report is spliced from this share of spliced sentences on: every held-out clean
     *                            report's share, and a margin
     * @param brokenBits          a sentence reads as broken above this many bits per character: the 90th percentile of
     *                            held-out clean sentences
     * @param brokenShare         a report reads as broken from this share of broken sentences on: every held-out clean
     *                            report's share, and a margin
     * @param minSentences        fewer odd sentences than this never make a report scrambled, however short it is
     * @param maxSentenceFindings only the worst sentences are reported, so that findings stay readable
     * @param brokenSentence      what each broken sentence of a broken report weighs: LOW, so that prose that merely
     *                            reads unlike the model's (another field's words, a page's leftovers) asks a moderator
     *                            to look but takes bait (a contact, a brand, spliced title fragments) to be likely spam
     */
    public record Scramble(int minHan, double spliceBits, double spliceBitsStrong, double splicedShare, double brokenBits,
                           double brokenShare, int minSentences, int maxSentenceFindings, Finding.Severity brokenSentence) {

        public Scramble {
            minHan = minHan <= 0 ? 8 : minHan;
            spliceBits = spliceBits <= 0 ? 15.5 : spliceBits;
            spliceBitsStrong = spliceBitsStrong <= 0 ? 19.5 : spliceBitsStrong;
            splicedShare = splicedShare <= 0 ? 0.15 : splicedShare;
            brokenBits = brokenBits <= 0 ? 7.5 : brokenBits;
            brokenShare = brokenShare <= 0 ? 0.6 : brokenShare;
            minSentences = minSentences <= 0 ? 3 : minSentences;
            maxSentenceFindings = maxSentenceFindings <= 0 ? 7 : maxSentenceFindings;
            brokenSentence = brokenSentence == null ? Finding.Severity.LOW : brokenSentence;
        }
    }

    /**
     * @param titleMax          a longer title (in characters) is unusually long
     * @param clockSlack        an original publication date this far in the future is still the submitter's clock, not
     *                          a date that has not happened
     * @param titleRepeatWithin the title found within this many characters of the body's start is repeated at its top
     * @param unknownChannel    severity of a channel outside {@link ScreeningRules#channels()}
     * @param futureDate        severity of an original publication date in the future
     * @param longTitle         severity of an unusually long title
     * @param titleRepeated     severity of the title repeated at the top of the body
     * @param nothingLeft       severity of a body with nothing left after cleaning
     */
    public record Metadata(int titleMax, Duration clockSlack, int titleRepeatWithin, Finding.Severity unknownChannel,
                           Finding.Severity futureDate, Finding.Severity longTitle, Finding.Severity titleRepeated,
                           Finding.Severity nothingLeft) {

        public Metadata {
            titleMax = titleMax <= 0 ? 60 : titleMax;
            clockSlack = clockSlack == null || clockSlack.isNegative() ? Duration.ofDays(1) : clockSlack;
            titleRepeatWithin = titleRepeatWithin <= 0 ? 200 : titleRepeatWithin;
            unknownChannel = unknownChannel == null ? Finding.Severity.LOW : unknownChannel;
            futureDate = futureDate == null ? Finding.Severity.MEDIUM : futureDate;
            longTitle = longTitle == null ? Finding.Severity.LOW : longTitle;
            titleRepeated = titleRepeated == null ? Finding.Severity.LOW : titleRepeated;
            nothingLeft = nothingLeft == null ? Finding.Severity.MEDIUM : nothingLeft;
        }
    }

    /**
     * @param maxDistance the SimHash distance, in bits, at or below which two reports are near-duplicates (Manku et al.);
     *                    at most {@link NearDuplicates#MAX_DISTANCE}, the farthest the fingerprint index finds
     * @param severity    of a near-duplicate
     */
    public record Duplicates(int maxDistance, Finding.Severity severity) {

        public Duplicates {
            maxDistance = maxDistance <= 0 ? 3 : maxDistance;
            severity = severity == null ? Finding.Severity.MEDIUM : severity;
            if (maxDistance > NearDuplicates.MAX_DISTANCE) {
                throw new IllegalArgumentException("herald.screening.rules.near-duplicates.max-distance is at most "
                        + NearDuplicates.MAX_DISTANCE + ": the fingerprint index finds no farther");
            }
        }
    }
}
