package dev.herald.ingest.extraction;

import dev.herald.text.ChineseText;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the title among the short lines above the body. The nearest one usually wins (title, then date and
 * source, then the text), but menus and breadcrumbs sit above the body too, so a candidate also earns from sharing
 * words with the body, from being repeated on the page (sites print the title in the trail and above the text), from
 * matching the HTML head title and from metadata right under it.
 */
final class TitleLocator {

    /** The title as read, and where within its line it ends (before a "| site" tail); site is that tail or null. */
    record Title(int line, int end, String text, String site, int siteStart) {
    }

    private static final Pattern SITE_SEPARATOR = Pattern.compile("\\s+[|｜丨—-]\\s+|\\s*[|｜丨_]\\s*");
    private static final int LOOK_BACK = 30;
    private static final int CANDIDATES = 6;

    private TitleLocator() {
    }

    static Title locate(PageText page, LineKind[] kinds, int bodyStart, String bodySample) {
        List<String> lines = page.lines();
        Set<String> bodyBigrams = bigrams(bodySample);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = Math.max(0, bodyStart - LOOK_BACK); i < Math.min(lines.size(), bodyStart + 2000); i++) {
            if (lines.get(i).length() <= 80) counts.merge(ChineseText.normalize(lines.get(i)), 1, Integer::sum);
        }
        String head = page.headTitle() == null ? null : ChineseText.normalize(page.headTitle());
        double bestScore = Double.NEGATIVE_INFINITY;
        int best = -1, rank = 0;
        for (int i = bodyStart - 1; i >= Math.max(0, bodyStart - LOOK_BACK) && rank < CANDIDATES; i--) {
            String line = lines.get(i);
            if (kinds[i] != LineKind.SHORT || line.length() < 5 || line.length() > 80 || nameOrSite(line)) continue;
            String text = split(line)[0];
            double score = -0.8 * rank++
                    + 3 * overlap(text, bodyBigrams)
                    + (counts.getOrDefault(ChineseText.normalize(line), 0) > 1 ? 1.2 : 0)
                    + (head != null && head.startsWith(ChineseText.normalize(text)) ? 2 : 0)
                    + (page.headingAt(i) ? 1 : 0)
                    + (i + 1 < kinds.length && (kinds[i + 1] == LineKind.METADATA || kinds[i + 1] == LineKind.SUBTITLE) ? 1 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (best < 0) return null;
        String line = lines.get(best);
        String[] parts = split(line);
        if (parts[1] == null) return new Title(best, line.length(), line, null, -1);
        return new Title(best, parts[0].length(), parts[0], parts[1], line.length() - parts[1].length());
    }

    /** "标题 | 站点" into the title and a short site tail; the tail must be short, or it is part of the title. */
    static String[] split(String line) {
        var m = SITE_SEPARATOR.matcher(line);
        int at = -1, after = -1;
        while (m.find()) {
            at = m.start();
            after = m.end();
        }
        if (at >= 4 && after < line.length() && line.length() - after <= 20) {
            return new String[]{line.substring(0, at), line.substring(after)};
        }
        return new String[]{line, null};
    }

    /** Unlabelled site names and signatures that sit between a title and its body. */
    static boolean nameOrSite(String line) {
        return Fields.siteLike(line) && line.length() <= 16 || line.length() <= 4;
    }

    private static double overlap(String text, Set<String> bodyBigrams) {
        Set<String> own = bigrams(text);
        if (own.isEmpty()) return 0;
        int shared = 0;
        for (String b : own) if (bodyBigrams.contains(b)) shared++;
        return (double) shared / own.size();
    }

    private static Set<String> bigrams(String text) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = text.charAt(i), b = text.charAt(i + 1);
            if (Character.isIdeographic(a) && Character.isIdeographic(b)) out.add(text.substring(i, i + 2));
        }
        return out;
    }
}
