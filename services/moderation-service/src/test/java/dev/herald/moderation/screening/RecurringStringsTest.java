package dev.herald.moderation.screening;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RecurringStringsTest {

    private static final ScreeningRules.RecurringNames SETTINGS = ScreeningRules.defaults().names();

    @Test
    void aNameRecurringInPlaceOfTheUnitsWordsIsOneCandidateAtEachOfItsPlaces() {
        String text = "鸿福汇组织志愿者，鸿福汇书记带头，活动中鸿福汇发放宣传册。";

        assertThat(RecurringStrings.of(text, SETTINGS)).extracting(RecurringStrings.Candidate::text).contains("鸿福汇");
        assertThat(RecurringStrings.of(text, SETTINGS).stream().filter(c -> c.text().equals("鸿福汇")).findFirst().orElseThrow().starts())
                .containsExactly(0, 9, 20);
    }

    @Test
    void findsExactlyWhatReadingEverySubstringOfEveryLengthFinds() {
        Random random = new Random(20_261_204L);
        String alphabet = "党支部书记社区医院志愿者活动开展居民健康服务中心";
        List<String> names = List.of("鸿福汇", "万象彩", "金沙城中心", "彩彩彩");
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int parts = 5 + random.nextInt(60);
            for (int p = 0; p < parts; p++) {
                switch (random.nextInt(6)) {
                    case 0 -> text.append(names.get(random.nextInt(names.size())));
                    case 1 -> text.append(random.nextBoolean() ? "，" : " kfc8899 ");
                    default -> {
                        for (int c = random.nextInt(6); c >= 0; c--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
            }
            String folded = text.toString();

            assertThat(RecurringStrings.of(folded, SETTINGS)).as(folded).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyInAnyOrderElementsOf(everySubstring(folded));
        }
    }

    /** The plain reading: every Han substring of every length counted, then the recurring ones not always inside a longer one. */
    private static List<RecurringStrings.Candidate> everySubstring(String folded) {
        Map<String, List<Integer>> seen = new HashMap<>();
        Map<String, List<Integer>> latin = new HashMap<>();
        for (int start = 0, end; start < folded.length(); start = end) {
            end = start + 1;
            while (end < folded.length() && kind(folded.charAt(end)) == kind(folded.charAt(start))) end++;
            if (kind(folded.charAt(start)) == 'h') {
                for (int i = start; i < end; i++) {
                    for (int n = SETTINGS.minLength(); n <= SETTINGS.maxLength() + 1 && i + n <= end; n++) {
                        seen.computeIfAbsent(folded.substring(i, i + n), k -> new ArrayList<>()).add(i);
                    }
                }
            } else if (kind(folded.charAt(start)) == 'a' && end - start >= 3 && end - start <= 20
                    && folded.substring(start, end).chars().anyMatch(Character::isLetter)) {
                latin.computeIfAbsent(folded.substring(start, end), k -> new ArrayList<>()).add(start);
            }
        }
        List<RecurringStrings.Candidate> found = new ArrayList<>();
        seen.forEach((text, starts) -> {
            if (text.length() > SETTINGS.maxLength() || starts.size() < SETTINGS.minOccurrences()) return;
            int at = starts.getFirst();
            boolean closed = true;
            for (String longer : List.of(at > 0 ? folded.substring(at - 1, at + text.length()) : "",
                    at + text.length() < folded.length() ? folded.substring(at, at + text.length() + 1) : "")) {
                List<Integer> both = seen.get(longer);
                if (both != null && both.size() == starts.size()) closed = false;
            }
            if (closed) found.add(new RecurringStrings.Candidate(text, starts));
        });
        latin.forEach((text, starts) -> {
            if (starts.size() >= SETTINGS.minOccurrences()) found.add(new RecurringStrings.Candidate(text, starts));
        });
        found.sort(Comparator.comparing(c -> c.starts().getFirst()));
        return found;
    }

    private static char kind(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 'h' : c < 0x80 && Character.isLetterOrDigit(c) ? 'a' : 'o';
    }
}
