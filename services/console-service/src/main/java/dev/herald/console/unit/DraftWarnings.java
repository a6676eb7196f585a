package dev.herald.console.unit;

import dev.herald.console.platform.Messages;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest's draft warnings in Chinese. Ingest words a warning as an English sentence and gives it no code, so
 * the console recognises each sentence ingest writes ({@code DraftService}), names it by a code and shows the
 * bundle's {@code draft.warning.<code>} with the names the sentence carried (channels, units). A sentence it does
 * not recognise (one ingest learns later) is shown as ingest wrote it, never dropped.
 */
final class DraftWarnings {

    private record Kind(String code, Pattern sentence) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("noChannel", Pattern.compile("no channel could be guessed; choose one of: ?(.*)", Pattern.DOTALL)),
            new Kind("channelNotAllowed", Pattern.compile("the channel (.+) is not one (.+) may submit to", Pattern.DOTALL)),
            new Kind("otherUnit", Pattern.compile("the page names (.+) as its unit, not (.+)", Pattern.DOTALL)),
            new Kind("noBody", Pattern.compile("no report text was found on the page")));

    private DraftWarnings() {
    }

    /** The code of a warning ingest wrote, or null for one the console does not know. */
    static String code(String warning) {
        return KINDS.stream().filter(k -> k.sentence().matcher(warning.strip()).matches()).map(Kind::code).findFirst().orElse(null);
    }

    static List<String> inChinese(List<String> warnings, Messages messages) {
        return warnings == null ? List.of() : warnings.stream().map(w -> inChinese(w, messages)).toList();
    }

    private static String inChinese(String warning, Messages messages) {
        for (Kind kind : KINDS) {
            Matcher m = kind.sentence().matcher(warning.strip());
            if (m.matches()) {
                Object[] names = new Object[m.groupCount()];
                for (int i = 0; i < names.length; i++) {
                    // ingest lists channels separated by ", "; a Chinese list reads with 、
                    names[i] = m.group(i + 1).replace(", ", "、");
                }
                return messages.get("draft.warning." + kind.code(), names);
            }
        }
        return warning;
    }
}
