package dev.herald.search.analysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a group of letters in a query means as pinyin, however the reader wrote it: the syllables it splits
 * into ({@code dangqi} is dang-qi), or, when it is no run of syllables, the first letters of characters
 * ({@code dqpy}). Readers write pinyin many ways, and all of them come down to the toneless, v-for-ü form
 * the index holds: tone marks ({@code dǎngqí}) and tone numbers ({@code dang3qi2}) are dropped, ü may be
 * {@code ü}, {@code v} or {@code u:}, and case does not matter. An apostrophe, a tone number or a capital
 * inside a word in lower case ({@code xi'an}, {@code xi1an1}, {@code XiAn}) ends a syllable, so a reader can
 * say where one ends when the letters alone are ambiguous.
 *
 * @param spellings the ways the group splits into syllables, none when it does not
 * @param initials  the group's letters as the first letters of characters; empty unless there are no spellings
 */
public record TypedPinyin(List<List<String>> spellings, List<String> initials) {

    public TypedPinyin {
        spellings = List.copyOf(spellings);
        initials = List.copyOf(initials);
    }

    /**
     * Whether the character can be part of typed pinyin: a Latin letter (with a tone mark or diaeresis or
     * not), a digit for the tone, an apostrophe or the colon of {@code u:}.
     */
    public static boolean mayBelong(int c) {
        if (c < 0x80) {
            return Character.isLetterOrDigit(c) || c == '\'' || c == ':';
        }
        return c == '’' || c == '‘' || Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN && Character.isLetter(c);
    }

    /**
     * The group's meaning as pinyin, or empty when it has none. A group in capitals only ({@code CT},
     * {@code NCP}) is an abbreviation, not initials; it still reads as syllables if it splits into them.
     *
     * @param maxSpellings how many of the ways to split the group are tried
     * @param maxInitials  the longest group read as initials
     */
    public static Optional<TypedPinyin> read(String typed, int maxSpellings, int maxInitials) {
        Optional<Written> written = written(typed);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = written.get().pieces();
        List<List<String>> spellings = spellings(parts, maxSpellings);
        if (!spellings.isEmpty()) {
            return Optional.of(new TypedPinyin(spellings, List.of()));
        }
        String letters = String.join("", parts);
        if (written.get().marked() || written.get().abbreviation() || parts.size() > 1 || letters.length() < 2
                || letters.length() > maxInitials || !letters.chars().allMatch(c -> Pinyin.startsSyllable((char) c))) {
            return Optional.empty();
        }
        return Optional.of(new TypedPinyin(List.of(), letters.chars().mapToObj(c -> String.valueOf((char) c)).toList()));
    }

    /**
     * The letters as the index spells pinyin, run together ({@code Xi'an} and {@code xi1an1} are xian,
     * {@code lü} is lv), whether or not they make whole syllables, as the start of a word being typed need
     * not; empty when the text is no pinyin at all.
     */
    public static Optional<String> letters(String typed) {
        return written(typed).map(w -> String.join("", w.pieces()));
    }

    /**
     * The group taken apart: its pieces between the marks that end a syllable, in the index's spelling;
     * whether it had tone marks, tone numbers or ü; and whether it was in capitals only.
     */
    private record Written(List<String> pieces, boolean marked, boolean abbreviation) {
    }

    private static Optional<Written> written(String typed) {
        List<StringBuilder> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        pieces.add(piece);
        boolean marked = false;
        int lower = 0;
        int upper = 0;
        // compatibility decomposition: full-width letters become ASCII, and a tone mark or diaeresis comes apart
        String decomposed = Normalizer.normalize(typed, Normalizer.Form.NFKD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            char last = piece.isEmpty() ? 0 : piece.charAt(piece.length() - 1);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                boolean capital = c <= 'Z';
                // NanNing: a capital after a small letter starts a syllable; in NANNING it says nothing
                if (capital && lower > 0 && !piece.isEmpty() && Character.isLowerCase(decomposed.charAt(i - 1))) {
                    pieces.add(piece = new StringBuilder());
                }
                upper += capital ? 1 : 0;
                lower += capital ? 0 : 1;
                piece.append(Character.toLowerCase(c));
            } else if ((c == '\u0308' || c == ':') && last == 'u') {
                piece.setCharAt(piece.length() - 1, 'v');
                marked = true;
            } else if (c >= '\u0300' && c <= '\u036f' && last != 0) {
                marked = true;
            } else if (c >= '0' && c <= '5' && last >= 'a' && last <= 'z') {
                pieces.add(piece = new StringBuilder());
                marked = true;
            } else if ((c == '\'' || c == '’' || c == '‘') && last != 0) {
                pieces.add(piece = new StringBuilder());
            } else {
                return Optional.empty();
            }
        }
        List<String> parts = pieces.stream().filter(p -> !p.isEmpty()).map(TypedPinyin::afterJqxy).toList();
        return parts.isEmpty() ? Optional.empty() : Optional.of(new Written(parts, marked, lower == 0 && upper > 1));
    }

    /** ü after j, q, x and y is written u, so jv, qv, xv and yv (typed from ü) mean ju, qu, xu and yu. */
    private static String afterJqxy(StringBuilder piece) {
        for (int i = 1; i < piece.length(); i++) {
            if (piece.charAt(i) == 'v' && "jqxy".indexOf(piece.charAt(i - 1)) >= 0) {
                piece.setCharAt(i, 'u');
            }
        }
        return piece.toString();
    }

    /** Every piece split into syllables, one after the other, as many combinations as allowed. */
    private static List<List<String>> spellings(List<String> parts, int max) {
        List<List<String>> out = List.of(List.of());
        for (String part : parts) {
            List<List<String>> ways = Pinyin.spellings(part, max);
            if (ways.isEmpty()) {
                return List.of();
            }
            List<List<String>> longer = new ArrayList<>();
            for (List<String> head : out) {
                for (List<String> way : ways) {
                    if (longer.size() < max) {
                        List<String> joined = new ArrayList<>(head);
                        joined.addAll(way);
                        longer.add(List.copyOf(joined));
                    }
                }
            }
            out = longer;
        }
        return out;
    }
}
