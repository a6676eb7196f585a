package dev.herald.console.moderator;

import java.util.ArrayList;
import java.util.List;

/**
 * Two texts compared character by character (Chinese has no words to split on), as the pieces each side is
 * shown in: what both share, and what only the earlier one or only the later one has. A near-duplicate is
 * mostly the same text, so the common start and end are set aside first and only the middle is compared
 * (longest common subsequence); a middle too large to compare in a page's time is shown as changed whole.
 */
public final class Differences {

    /** Beyond this many cells (earlier middle × later middle) the comparison is not attempted. */
    static final long MAX_CELLS = 4_000_000;

    private Differences() {
    }

    /** A run of one side's text; {@code changed} when the other side does not have it. */
    public record Piece(String text, boolean changed) {
    }

    /** Each side cut into its pieces, in order: the earlier text's and the later text's. */
    public record Compared(List<Piece> earlier, List<Piece> later) {
        public boolean same() {
            return earlier.stream().noneMatch(Piece::changed) && later.stream().noneMatch(Piece::changed);
        }
    }

    public static Compared of(String earlier, String later) {
        String a = earlier == null ? "" : earlier;
        String b = later == null ? "" : later;
        int prefix = 0;
        while (prefix < a.length() && prefix < b.length() && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length() - prefix && suffix < b.length() - prefix
                && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        String midA = a.substring(prefix, a.length() - suffix);
        String midB = b.substring(prefix, b.length() - suffix);
        Side left = new Side();
        Side right = new Side();
        left.add(a.substring(0, prefix), false);
        right.add(b.substring(0, prefix), false);
        if ((long) midA.length() * midB.length() > MAX_CELLS) {
            left.add(midA, true);
            right.add(midB, true);
        } else {
            compare(midA, midB, left, right);
        }
        left.add(a.substring(a.length() - suffix), false);
        right.add(b.substring(b.length() - suffix), false);
        return new Compared(left.pieces, right.pieces);
    }

    /** The classic table of common-subsequence lengths from the end, walked from the start. */
    private static void compare(String a, String b, Side left, Side right) {
        int n = a.length();
        int m = b.length();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.charAt(i) == b.charAt(j) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.charAt(i) == b.charAt(j)) {
                left.add(String.valueOf(a.charAt(i++)), false);
                right.add(String.valueOf(b.charAt(j++)), false);
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                left.add(String.valueOf(a.charAt(i++)), true);
            } else {
                right.add(String.valueOf(b.charAt(j++)), true);
            }
        }
        left.add(a.substring(i), true);
        right.add(b.substring(j), true);
    }

    /** Pieces of one side, a character added to the last piece when it is of the same kind. */
    private static final class Side {
        private final List<Piece> pieces = new ArrayList<>();

        void add(String text, boolean changed) {
            if (text.isEmpty()) {
                return;
            }
            if (!pieces.isEmpty() && pieces.getLast().changed() == changed) {
                pieces.set(pieces.size() - 1, new Piece(pieces.getLast().text() + text, changed));
            } else {
                pieces.add(new Piece(text, changed));
            }
        }
    }
}
