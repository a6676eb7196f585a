package dev.herald.moderation.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strings a folded text repeats, each as long as it goes: of {@code 万象彩} recurring five times, {@code 万象}
 * and {@code 象彩} are no candidates of their own, since they never occur without it. Han strings are cut out of
 * runs of Han characters; Latin brands ({@code name1234}) are whole runs of letters and digits.
 */
final class RecurringStrings {

    record Candidate(String text, List<Integer> starts) {
    }

    private RecurringStrings() {
    }

    static List<Candidate> of(String folded, ScreeningRules.RecurringNames settings) {
        Map<String, List<Integer>> latin = new LinkedHashMap<>();
        // where the Han run holding each position ends; -1 outside Han runs
        int[] runEnd = new int[folded.length()];
        Arrays.fill(runEnd, -1);
        for (int start = 0, end; start < folded.length(); start = end) {
            boolean han = han(folded.charAt(start));
            end = start + 1;
            while (end < folded.length() && kind(folded.charAt(end)) == kind(folded.charAt(start))) {
                end++;
            }
            if (han) {
                Arrays.fill(runEnd, start, end, end);
            } else if (kind(folded.charAt(start)) == 'a' && end - start >= 3 && end - start <= 20
                    && folded.substring(start, end).chars().anyMatch(Character::isLetter)) {
                latin.computeIfAbsent(folded.substring(start, end), k -> new ArrayList<>()).add(start);
            }
        }
        Map<String, List<Integer>> seen = hanStrings(folded, runEnd, settings);
        List<Candidate> candidates = new ArrayList<>();
        seen.forEach((text, starts) -> {
            if (text.length() <= settings.maxLength() && starts.size() >= settings.minOccurrences() && closed(folded, text, starts, seen)) {
                candidates.add(new Candidate(text, starts));
            }
        });
        latin.forEach((text, starts) -> {
            if (starts.size() >= settings.minOccurrences()) {
                candidates.add(new Candidate(text, starts));
            }
        });
        candidates.sort(java.util.Comparator.comparing(c -> c.starts().getFirst()));
        return candidates;
    }

    /**
     * Every string inside a Han run, from the shortest judged to one past the longest, with where it starts, but a
     * longer one only where it extends a shorter one that recurs often enough: a string can recur no more often than
     * its prefix, so nothing that could be a candidate, or decide whether one is {@link #closed}, is left out. Taking
     * every substring of every length instead made this the costliest step of screening (43 % of it, a quarter of the
     * moderation service's profile samples under load, most of it strings and lists for text that never repeats).
     */
    private static Map<String, List<Integer>> hanStrings(String folded, int[] runEnd, ScreeningRules.RecurringNames settings) {
        Map<String, List<Integer>> seen = new HashMap<>();
        int n = settings.minLength();
        Map<String, List<Integer>> level = new HashMap<>();
        for (int i = 0; i < folded.length(); i++) {
            if (runEnd[i] >= 0 && i + n <= runEnd[i]) {
                level.computeIfAbsent(folded.substring(i, i + n), k -> new ArrayList<>()).add(i);
            }
        }
        seen.putAll(level);
        for (; n <= settings.maxLength() && !level.isEmpty(); n++) {
            Map<String, List<Integer>> longer = new HashMap<>();
            for (List<Integer> starts : level.values()) {
                if (starts.size() < settings.minOccurrences()) {
                    continue;
                }
                for (int at : starts) {
                    if (at + n + 1 <= runEnd[at]) {
                        longer.computeIfAbsent(folded.substring(at, at + n + 1), k -> new ArrayList<>()).add(at);
                    }
                }
            }
            seen.putAll(longer);
            level = longer;
        }
        return seen;
    }

    /** Not always part of one longer string: neither extension by a character of its first occurrence occurs as often. */
    private static boolean closed(String folded, String text, List<Integer> starts, Map<String, List<Integer>> seen) {
        int at = starts.getFirst();
        for (String longer : List.of(at > 0 ? folded.substring(at - 1, at + text.length()) : "",
                at + text.length() < folded.length() ? folded.substring(at, at + text.length() + 1) : "")) {
            List<Integer> found = seen.get(longer);
            if (found != null && found.size() == starts.size()) {
                return false;
            }
        }
        return true;
    }

    private static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** 'h' Han, 'a' Latin letter or digit, 'o' anything else. */
    private static char kind(char c) {
        return han(c) ? 'h' : c < 0x80 && Character.isLetterOrDigit(c) ? 'a' : 'o';
    }
}
