package dev.herald.search.analysis;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Toneless pinyin of Han characters, every reading of a polyphone (so 重庆 is found as chongqing though
 * 重 is more often zhong), and the splitting of typed pinyin into syllables.
 */
public final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final ConcurrentHashMap<Character, List<String>> READINGS = new ConcurrentHashMap<>();
    private static final int LONGEST_SYLLABLE = 6;

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
     * The ways typed letters split into syllables, each with as few syllables as any (fangan is fang-an
     * or fan-gan, xian is never xi-an: a reader who means 西安 writes xi'an), at most {@code max} of them;
     * empty when the letters are not a run of syllables.
     */
    public static List<List<String>> spellings(String letters, int max) {
        Set<String> known = Typed.SYLLABLES;
        int n = letters.length();
        int[] fewest = new int[n + 1];
        Arrays.fill(fewest, Integer.MAX_VALUE);
        fewest[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - LONGEST_SYLLABLE); start < end; start++) {
                if (fewest[start] != Integer.MAX_VALUE && fewest[start] + 1 < fewest[end] && known.contains(letters.substring(start, end))) {
                    fewest[end] = fewest[start] + 1;
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        if (n > 0 && fewest[n] != Integer.MAX_VALUE) {
            collect(letters, n, fewest, known, new ArrayDeque<>(), out, max);
        }
        return out;
    }

    /** Whether a syllable can start with the letter: every letter but i, u and v. */
    public static boolean startsSyllable(char letter) {
        return Typed.INITIALS.indexOf(letter) >= 0;
    }

    /** Walks back from {@code end} along every cut that keeps the count of syllables the fewest. */
    private static void collect(String letters, int end, int[] fewest, Set<String> known, Deque<String> tail,
                                List<List<String>> out, int max) {
        if (end == 0) {
            out.add(List.copyOf(tail));
            return;
        }
        for (int start = Math.max(0, end - LONGEST_SYLLABLE); start < end && out.size() < max; start++) {
            String syllable = letters.substring(start, end);
            if (fewest[start] != Integer.MAX_VALUE && fewest[start] + 1 == fewest[end] && known.contains(syllable)) {
                tail.addFirst(syllable);
                collect(letters, start, fewest, known, tail, out, max);
                tail.removeFirst();
            }
        }
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

    /** Built on first use (the JVM initialises a nested class lazily): it costs a pass over every common character. */
    private static final class Typed {
        /** Every reading that has a vowel: nobody types the interjections m, n or ng to mean a character. */
        static final Set<String> SYLLABLES = IntStream.rangeClosed('\u4e00', '\u9fa5')
                .mapToObj(c -> readings((char) c)).flatMap(List::stream)
                .filter(s -> s.chars().anyMatch(c -> "aeiouv".indexOf(c) >= 0)).collect(Collectors.toUnmodifiableSet());
        static final String INITIALS = SYLLABLES.stream().map(s -> s.substring(0, 1)).distinct().sorted()
                .collect(Collectors.joining());
    }
}
