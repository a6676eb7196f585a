package dev.herald.moderation.screening;

import java.util.ArrayList;
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
        Map<String, List<Integer>> seen = new HashMap<>();
        Map<String, List<Integer>> latin = new LinkedHashMap<>();
        for (int start = 0, end; start < folded.length(); start = end) {
            boolean han = han(folded.charAt(start));
            end = start + 1;
            while (end < folded.length() && kind(folded.charAt(end)) == kind(folded.charAt(start))) {
                end++;
            }
            if (han) {
                for (int i = start; i < end; i++) {
                    for (int n = settings.minLength(); n <= settings.maxLength() + 1 && i + n <= end; n++) {
                        seen.computeIfAbsent(folded.substring(i, i + n), k -> new ArrayList<>()).add(i);
                    }
                }
            } else if (kind(folded.charAt(start)) == 'a' && end - start >= 3 && end - start <= 20
                    && folded.substring(start, end).chars().anyMatch(Character::isLetter)) {
                latin.computeIfAbsent(folded.substring(start, end), k -> new ArrayList<>()).add(start);
            }
        }
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
