package dev.herald.ingest.extraction;

import java.util.List;

/**
 * Finds the body as the run of lines with the most prose in it. Each line weighs its length when it reads as prose
 * (sentence ends, clauses) and costs a little when it is a short line (a menu entry, or a section title that the
 * prose around it easily pays for) and a lot when it is chrome; the best-scoring contiguous run is the body. That
 * is the maximum-subarray problem, solved in one linear pass, which is what keeps a 2 MB page cheap. Text density
 * alone (GeneralNewsExtractor's signal) fails on text dumps, which have no markup to be dense against; punctuation is
 * what survives a copy and paste.
 */
final class BodyLocator {

    /** The body's first and last line (inclusive). */
    record Window(int start, int end) {
    }

    private static final String PROSE_END = "，、；;,";
    // not a question: section titles ask them (出国前：政治科目会出啥考题？)
    private static final String SENTENCE_END = "。！!…";
    private static final int CHROME_COST = 60;
    private static final int MIN_BODY = 20;

    private BodyLocator() {
    }

    static Window locate(PageText page, LineKind[] kinds) {
        List<String> lines = page.lines();
        long best = 0, run = 0;
        int bestStart = -1, bestEnd = -1, runStart = 0;
        for (int i = 0; i < kinds.length; i++) {
            long score = score(lines.get(i), kinds[i], page.linkAt(i));
            if (run <= 0) {
                run = score;
                runStart = i;
            } else {
                run += score;
            }
            if (run > best) {
                best = run;
                bestStart = runStart;
                bestEnd = i;
            }
        }
        return best < MIN_BODY ? null : new Window(bestStart, bestEnd);
    }

    private static long score(String line, LineKind kind, boolean link) {
        return switch (kind) {
            case PARAGRAPH -> line.length();
            // a clause broken onto a line of its own (下周一，) is prose, however short; so is a short sentence
            // (将进行封闭施工！！！) that is no link to another page's headline
            case SHORT -> PROSE_END.indexOf(line.charAt(line.length() - 1)) >= 0 && line.length() >= 4
                    || !link && line.length() >= 6 && SENTENCE_END.indexOf(line.charAt(line.length() - 1)) >= 0 ? line.length()
                    : -(8 + Math.min(line.length(), 40) / 2);
            default -> -CHROME_COST;
        };
    }

    /**
     * A section title: a short line with no sentence end, followed by prose. Picture captions look the same but
     * announce themselves (图为...).
     */
    static boolean headingLike(String line) {
        int len = line.length();
        if (len < 4 || len > 60) return false;
        if (line.startsWith("图为") || line.startsWith("图：") || line.startsWith("图:") || line.startsWith("▲")
                || line.startsWith("(") || line.startsWith("（")) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if ("。！？!?；;".indexOf(line.charAt(i)) >= 0) return false;
        }
        char last = line.charAt(len - 1);
        return last != '：' && last != ':' && last != '，' && last != ',';
    }
}
