package dev.herald.ingest.extraction;

import dev.herald.text.ChineseText;
import dev.herald.text.FoldedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The platform's channels and units, compared the way people write them: through the shared Chinese folding, with
 * punctuation and spaces ignored (党旗飘扬,战疫情 is 党旗飘扬·战疫情) and a unit's party-organisation suffix optional
 * (南宁市中医医院党委 is 南宁市中医医院).
 */
final class KnownNames {

    /** A registered unit found inside a longer text, with its char range there. */
    record Mention(UnitName unit, int start, int end) {
    }

    private static final List<String> UNIT_SUFFIXES = List.of("党总支部", "党总支", "党支部", "党委", "党组", "总支", "支部",
            "团委", "工会", "纪委");

    private final Map<String, String> channels = new LinkedHashMap<>();
    private final Map<String, UnitName> units = new LinkedHashMap<>();
    private final List<String> channelNames;

    KnownNames(ExtractionHints hints) {
        channelNames = hints.channels();
        for (String c : hints.channels()) {
            channels.putIfAbsent(key(c), c);
        }
        for (UnitName u : hints.units()) {
            List<String> names = new ArrayList<>(u.aliases());
            names.add(0, u.name());
            for (String name : names) {
                String k = key(name);
                if (k.length() >= 2) {
                    units.putIfAbsent(k, u);
                    units.putIfAbsent(stripSuffix(k), u);
                }
            }
        }
    }

    List<String> channelNames() {
        return channelNames;
    }

    /** The registered channel a breadcrumb or column text names, or null. */
    String channelFor(String text) {
        return channels.get(key(text));
    }

    /** The registered unit a text names, suffix-insensitive, or null. */
    UnitName unitFor(String text) {
        String k = key(text);
        UnitName u = units.get(k);
        return u != null ? u : units.get(stripSuffix(k));
    }

    /** The first registered unit named inside a text (the longest name where several start together), or null. */
    Mention findIn(String text) {
        if (units.isEmpty() || text == null || text.isEmpty()) return null;
        FoldedText folded = FoldedText.of(text);
        String f = folded.folded();
        Mention best = null;
        int bestAt = Integer.MAX_VALUE, bestLen = 0;
        for (Map.Entry<String, UnitName> e : units.entrySet()) {
            int at = f.indexOf(e.getKey());
            if (at >= 0 && (at < bestAt || at == bestAt && e.getKey().length() > bestLen)) {
                bestAt = at;
                bestLen = e.getKey().length();
                best = new Mention(e.getValue(), folded.originalStart(at), folded.originalEnd(at + bestLen));
            }
        }
        return best;
    }

    /** How often each registered unit is named in a text. */
    Map<UnitName, Integer> countIn(String folded) {
        Map<UnitName, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, UnitName> e : units.entrySet()) {
            int n = 0;
            for (int at = folded.indexOf(e.getKey()); at >= 0; at = folded.indexOf(e.getKey(), at + e.getKey().length())) n++;
            counts.merge(e.getValue(), n, Math::max);
        }
        return counts;
    }

    /** Folded like the shared normalisation, then without punctuation, symbols and spaces. */
    static String key(String text) {
        String n = ChineseText.normalize(text);
        StringBuilder out = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String stripSuffix(String key) {
        for (String s : UNIT_SUFFIXES) {
            if (key.length() > s.length() + 1 && key.endsWith(s)) {
                return key.substring(0, key.length() - s.length());
            }
        }
        return key;
    }
}
