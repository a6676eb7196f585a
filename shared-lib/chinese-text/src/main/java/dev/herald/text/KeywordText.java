package dev.herald.text;

/**
 * A text made ready for keyword matching: normalised once ({@link ChineseText#normalize}) and segmented
 * into words the first time a rule needs the boundaries, so texts that no keyword occurs in cost no
 * segmentation. Keywords given to it must be normalised the same way.
 *
 * <p>When an occurrence of a keyword counts:
 * <ul>
 *   <li>Latin letters and digits at either end of the keyword must not run on into more of them in the
 *       text: {@code ai} stands alone in {@code ai 医疗} and {@code 5g网络}, not in {@code said}.</li>
 *   <li>A Han keyword of {@value #PHRASE_LENGTH} or more characters is a phrase on its own and counts
 *       wherever it occurs: a string that long rarely turns up by accident, and segmenters most often
 *       err on long compounds and names (so {@code 主题党日} counts in {@code 开展主题党日活动} however it is cut).</li>
 *   <li>A shorter one counts when it is made of whole words ({@code 疫情} in {@code 疫情|防|控},
 *       {@code 中医} in {@code 南宁市|中医|医院}, {@code 胡海莺} in {@code 胡|海|莺}, which the segmenter
 *       does not know and cuts into characters), or, from two characters on, when it begins or ends one
 *       word without reaching into the next ({@code 海南} in {@code 海南省}, {@code 中医} in {@code 中医药}):
 *       the segmenter keeps such compounds whole, and they are about what the keyword names.</li>
 *   <li>It does not count when it straddles words with an end inside one of them: {@code 海南} in
 *       {@code 上海|南京路}. A single character counts only as a word of its own.</li>
 * </ul>
 * Where the segmenter cannot tell (it cuts {@code 中国家电网购} as {@code 中|国家|电网|购}), neither can this.
 *
 * <p>One text, one thread: the boundaries are worked out lazily and kept.
 */
public final class KeywordText {

    /** From this many characters on, a Han keyword counts wherever it occurs. */
    public static final int PHRASE_LENGTH = 4;

    private final String text;
    private WordBoundaries boundaries;

    private KeywordText(String normalized) {
        this.text = normalized;
    }

    /** Normalises the text first. */
    public static KeywordText of(String text) {
        return new KeywordText(ChineseText.normalize(text));
    }

    public String normalized() {
        return text;
    }

    /** True when the keyword (normalised) occurs at least once in a way that counts. */
    public boolean containsKeyword(String keyword) {
        return contains(keyword, false);
    }

    /**
     * True when the phrase (normalised) occurs exactly as written: any characters in a row, words or not,
     * only Latin letters and digits at its ends still standing alone, as for a keyword.
     */
    public boolean containsPhrase(String phrase) {
        return contains(phrase, true);
    }

    private boolean contains(String term, boolean exact) {
        if (term.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
            if (exact ? countsAsPhrase(at, at + term.length()) : countsAsKeyword(at, at + term.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the keyword found at [start, end) of the normalised text counts, by the rules above. */
    public boolean countsAsKeyword(int start, int end) {
        if (!countsAsPhrase(start, end)) {
            return false;
        }
        boolean hanStart = isHan(text.codePointAt(start));
        boolean hanEnd = isHan(text.codePointBefore(end));
        if (!hanStart && !hanEnd && !containsHan(start, end)) {
            return true;
        }
        int length = text.codePointCount(start, end);
        if (length >= PHRASE_LENGTH) {
            return true;
        }
        WordBoundaries words = boundaries();
        // a Latin or digit end has already been checked to stand alone, which is as good as a boundary
        boolean startsWord = !hanStart || words.at(start);
        boolean endsWord = !hanEnd || words.at(end);
        if (startsWord && endsWord) {
            return true;
        }
        return length >= 2 && (startsWord || endsWord) && !words.inside(start, end);
    }

    /** Whether the phrase found at [start, end) counts: only its Latin and digit ends are constrained. */
    public boolean countsAsPhrase(int start, int end) {
        return (!isWordChar(text.codePointAt(start)) || start == 0 || !isWordChar(text.codePointBefore(start)))
                && (!isWordChar(text.codePointBefore(end)) || end == text.length() || !isWordChar(text.codePointAt(end)));
    }

    private WordBoundaries boundaries() {
        if (boundaries == null) {
            boundaries = WordBoundaries.of(text);
        }
        return boundaries;
    }

    private boolean containsHan(int start, int end) {
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            if (isHan(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** Latin (or any non-Han) letters and digits: the characters a whole token is made of. */
    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) && !isHan(cp);
    }
}
