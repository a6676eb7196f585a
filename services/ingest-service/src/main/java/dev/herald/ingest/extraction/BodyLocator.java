package dev.herald.ingest.extraction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the body as the run of lines with the most prose in it. Each line weighs its length when it reads as prose
 * (sentence ends, clauses) and costs a little when it is a short line (a menu entry, or a section title that the
 * prose around it easily pays for) and a lot when it is chrome; the best-scoring contiguous run is the body. That
 * is the maximum-subarray problem, solved in one linear pass, which is what keeps a 2 MB page cheap. Text density
 * alone (GeneralNewsExtractor's signal) fails on text dumps, which have no markup to be dense against; punctuation is
 * what survives a copy and paste.
 */
final class BodyLocator {

    /** The body's first and last line (inclusive), and what its lines weigh together. */
    record Window(int start, int end, long weight) {
    }

    private static final String PROSE_END = "，、；;,";
    // not a question: section titles ask them (出国前：政治科目会出啥考题？); a post's chatty sentence may end on a
    // tilde (又是美好的周末，又是可爱的羊和你们相见~), which no section title does
    private static final String SENTENCE_END = "。！!…~～";
    private static final int CHROME_COST = 60;
    private static final int MIN_BODY = 20;
    private static final int LIST_ITEMS = 3;
    private static final Pattern NUMBERED = Pattern.compile("\\s*\\d{1,3}、\\s*\\S");
    private static final Pattern LABEL = Pattern.compile("\\s*(\\p{IsHan}{2,10})\\s*[:：]\\s*\\S");
    private static final Pattern NOTE = Pattern.compile("[\\s\\u3000]*[\\[［〔]\\d{1,3}[\\]］〕]");
    private static final Pattern NOTES_HEADING = Pattern.compile("(注释|注释与参考文献|参考文献|注)[:：]?");

    private BodyLocator() {
    }

    /** The best run of lines anywhere on the page; {@code listItems} as {@link #listItems} gives them. */
    static Window locate(PageText page, LineKind[] kinds, boolean[] listItems) {
        return locate(page, kinds, listItems, 0, kinds.length - 1, kinds.length);
    }

    /**
     * The best run of lines that starts between {@code from} and {@code to} (inclusive) and ends before line
     * {@code until}: the body under a headline the page's head names, where a longer block elsewhere (the next story,
     * the comments) would outweigh it.
     */
    static Window locate(PageText page, LineKind[] kinds, boolean[] listItems, int from, int to, int until) {
        List<String> lines = page.lines();
        long best = 0, run = 0;
        int bestStart = -1, bestEnd = -1, runStart = 0;
        for (int i = Math.max(0, from); i < Math.min(until, kinds.length); i++) {
            long score = listItems[i] ? 0 : score(lines.get(i), kinds[i], page.linkAt(i));
            if (run <= 0) {
                // past the last allowed start, only a run already going may go on
                if (i > to) break;
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
        return best < MIN_BODY ? null
                : new Window(bestStart, beforeCaptions(page, kinds, bestStart, beforeNotes(page, kinds, bestStart, closedBySignOff(page, kinds, bestStart, bestEnd))), best);
    }

    /**
     * A report's own list (venues with their prices and telephone numbers, one to a line) says the same label for item
     * after item (成人票原价：…, 游客咨询电话：…, numbered 1、2、3、): such lines weigh nothing either way, so the list
     * neither ends the text it stands in nor counts as text. A page's chrome says a label once, or as links. Inside the
     * text, such a line is the text's own, its telephone numbers included.
     */
    static boolean[] listItems(PageText page, LineKind[] kinds) {
        String[] labels = new String[kinds.length];
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == LineKind.SHORT || kinds[i] == LineKind.FOOTER) {
                labels[i] = label(page.lines().get(i));
                if (!labels[i].isEmpty()) counts.merge(labels[i], 1, Integer::sum);
            }
        }
        boolean[] items = new boolean[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            items[i] = labels[i] != null && !page.linkAt(i) && counts.getOrDefault(labels[i], 0) >= LIST_ITEMS;
        }
        return items;
    }

    // the label before a full-width or ASCII colon, in Han characters, or the numbering of an item (1、); empty when
    // the line has neither
    private static String label(String line) {
        if (NUMBERED.matcher(line).lookingAt()) return "1、";
        Matcher m = LABEL.matcher(line);
        return m.lookingAt() ? m.group(1) : "";
    }

    /** Captions of pictures printed after the last paragraph are left out (BodyOpening.closingCaption). */
    private static int beforeCaptions(PageText page, LineKind[] kinds, int start, int end) {
        List<String> lines = page.lines();
        int i = end;
        while (i > start && BodyOpening.closingCaption(lines.get(i))) i--;
        if (i == end) return end;
        for (int j = i; j > start; j--) if (score(lines.get(j), kinds[j], page.linkAt(j)) > 0) return j;
        return end;
    }

    /**
     * Reports and essays end with their numbered notes ([1] 《…》，新华社，2021年7月1日。): long lines that read as prose,
     * yet the text ended before them. Two notes or more closing the run are left out, with a 注释/参考文献 heading.
     */
    private static int beforeNotes(PageText page, LineKind[] kinds, int start, int end) {
        List<String> lines = page.lines();
        int i = end, notes = 0;
        while (i > start && NOTE.matcher(lines.get(i)).lookingAt()) {
            i--;
            notes++;
        }
        if (notes < 2) return end;
        if (i > start && NOTES_HEADING.matcher(lines.get(i).strip()).matches()) i--;
        for (int j = i; j > start; j--) if (score(lines.get(j), kinds[j], page.linkAt(j)) > 0) return j;
        return end;
    }

    /**
     * The article ends at its editor's line (责任编辑：…) or at a disclaimer (声明：…, 反侵权公告), even where long text
     * after them (a notice's clauses, a related story's lead) would pay for the line: nothing after a sign-off is the
     * article's. Only once the text has begun, so an editor named above the first paragraph ends nothing.
     */
    private static int closedBySignOff(PageText page, LineKind[] kinds, int start, int end) {
        List<String> lines = page.lines();
        int paragraphs = 0;
        for (int i = start; i <= end; i++) {
            if (paragraphs >= 2 && signOff(lines.get(i), kinds[i])) {
                for (int j = i - 1; j > start; j--) if (score(lines.get(j), kinds[j], page.linkAt(j)) > 0) return j;
                return start;
            }
            if (kinds[i] == LineKind.PARAGRAPH) paragraphs++;
        }
        return end;
    }

    private static boolean signOff(String line, LineKind kind) {
        return (kind == LineKind.FOOTER || kind == LineKind.METADATA) && LineClassifier.posted(line)
                || kind == LineKind.FOOTER && LineClassifier.signOff(line) || kind == LineKind.METADATA
                && Metadata.labels(line).stream().anyMatch(l -> l.field() == Metadata.Field.EDITOR && !l.value().isEmpty());
    }

    private static long score(String text, LineKind kind, boolean link) {
        String line = kind == LineKind.SHORT ? LineClassifier.withoutClosingCredit(text) : text;
        return switch (kind) {
            case PARAGRAPH -> line.length();
            // a clause broken onto a line of its own (下周一，) is prose, however short; so is a short sentence
            // (将进行封闭施工！！！) that is no link to another page's headline
            case SHORT -> PROSE_END.indexOf(line.charAt(line.length() - 1)) >= 0 && line.length() >= 4
                    || !link && line.length() >= 6 && SENTENCE_END.indexOf(line.charAt(line.length() - 1)) >= 0
                    || !link && speech(line) || !link && question(line) ? line.length()
                    : -(8 + Math.min(line.length(), 40) / 2);
            default -> -CHROME_COST;
        };
    }

    /**
     * A question in two clauses (但见文翁能化俗，焉知李广未封侯？) is a sentence of the text, a line of verse or a
     * reader's question; a section title asks in one breath (出国前：政治科目会出啥考题？).
     */
    private static boolean question(String line) {
        if (line.length() < 8 || "？?".indexOf(line.charAt(line.length() - 1)) < 0) return false;
        for (int i = 0; i < line.length() - 1; i++) if ("，,；;".indexOf(line.charAt(i)) >= 0) return true;
        return false;
    }

    /** Someone's words in quotes (“妈妈，为什么还不能出去？”): dialogue opening a story, not a section title. */
    private static boolean speech(String line) {
        if (line.length() < 6 || line.charAt(0) != '“' && line.charAt(0) != '「') return false;
        for (int i = 1; i < line.length(); i++) if ("，。？！,?!".indexOf(line.charAt(i)) >= 0) return true;
        return false;
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
