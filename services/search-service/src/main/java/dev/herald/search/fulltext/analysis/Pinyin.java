package dev.herald.search.fulltext.analysis;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Toneless pinyin of Han characters, every reading of a polyphone (so 重庆 is found as chongqing though
 * 重 is more often zhong), and the splitting of typed pinyin into syllables.
 */
public final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final ConcurrentHashMap<Character, List<String>> READINGS = new ConcurrentHashMap<>();
    private static final int LONGEST_SYLLABLE = 6;
    private static volatile Set<String> syllables;

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /** The readings of one character, most common first; empty for anything that is not Han. */
    public static List<String> readings(char c) {
        return READINGS.computeIfAbsent(c, Pinyin::lookUp);
    }

    /** The most common reading of each Han character of the text, run together: 中医医院 becomes zhongyiyiyuan. */
    public static String full(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            List<String> r = readings(c);
            if (!r.isEmpty()) {
                out.append(r.getFirst());
            }
        }
        return out.toString();
    }

    /** The first letters of the most common readings: 中医医院 becomes zyyy. */
    public static String initials(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            List<String> r = readings(c);
            if (!r.isEmpty()) {
                out.append(r.getFirst().charAt(0));
            }
        }
        return out.toString();
    }

    /**
     * Splits typed pinyin into syllables, preferring fewer, longer ones (xian is 先, not xi-an); returns
     * an empty list when the letters are not a run of syllables.
     */
    public static List<String> syllables(String letters) {
        Set<String> known = knownSyllables();
        int n = letters.length();
        int[] best = new int[n + 1];
        int[] cut = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - LONGEST_SYLLABLE); start < end; start++) {
                if (best[start] != Integer.MAX_VALUE && best[start] + 1 < best[end] && known.contains(letters.substring(start, end))) {
                    best[end] = best[start] + 1;
                    cut[end] = start;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int end = n; end > 0; end = cut[end]) {
            out.addFirst(letters.substring(cut[end], end));
        }
        return out;
    }

    private static Set<String> knownSyllables() {
        Set<String> known = syllables;
        if (known == null) {
            Set<String> all = new LinkedHashSet<>();
            for (char c = '\u4e00'; c <= '\u9fa5'; c++) {
                all.addAll(readings(c));
            }
            syllables = known = Set.copyOf(all);
        }
        return known;
    }

    private static List<String> lookUp(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return List.of();
        }
        try {
            String[] found = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (found == null) {
                return List.of();
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (String reading : found) {
                if (!reading.isBlank() && reading.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
                    distinct.add(reading);
                }
            }
            return List.copyOf(distinct);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
