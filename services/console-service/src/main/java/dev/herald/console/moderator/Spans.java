package dev.herald.console.moderator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A text cut where findings start and end, so each piece can be marked with the findings that cover it
 * (findings may overlap; a span outside the text, from an older revision say, is clipped or left out).
 */
public final class Spans {

    private Spans() {
    }

    /** One piece of the text; {@code findings} are the numbers (from 1, as listed) of the findings over it. */
    public record Piece(String text, List<Integer> findings) {
        public boolean marked() {
            return !findings.isEmpty();
        }

        /** The ids of the explanations, for {@code aria-describedby}. */
        public String describedBy() {
            return String.join(" ", findings.stream().map(n -> "finding-" + n).toList());
        }
    }

    public static List<Piece> of(String text, String field, List<Reviews.Finding> findings) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (Reviews.Finding f : findings) {
            if (covers(f, field)) {
                cuts.add(clip(f.start(), text));
                cuts.add(clip(f.end(), text));
            }
        }
        List<Piece> pieces = new ArrayList<>();
        Integer from = null;
        for (int cut : cuts) {
            if (from != null && cut > from) {
                List<Integer> over = new ArrayList<>();
                for (int i = 0; i < findings.size(); i++) {
                    Reviews.Finding f = findings.get(i);
                    if (covers(f, field) && f.start() <= from && f.end() >= cut) {
                        over.add(i + 1);
                    }
                }
                pieces.add(new Piece(text.substring(from, cut), over));
            }
            from = cut;
        }
        return pieces;
    }

    private static boolean covers(Reviews.Finding f, String field) {
        return field.equals(f.field()) && f.start() != null && f.end() != null && f.start() < f.end();
    }

    private static int clip(int at, String text) {
        return Math.max(0, Math.min(at, text.length()));
    }
}
