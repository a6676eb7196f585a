package dev.herald.moderation.screening;

import dev.herald.text.FoldedText;

/**
 * The names a report may repeat as its own: the unit's registered name and its short forms, which Chinese makes by
 * keeping some of the name's characters in order (贵州省人民医院 is 省医, 南宁市中医医院 is 市中医院), and the channel's.
 */
final class OwnNames {

    private final String unit;
    private final String channel;

    OwnNames(String unit, String channel) {
        this.unit = unit == null ? "" : FoldedText.fold(unit);
        this.channel = channel == null ? "" : FoldedText.fold(channel);
    }

    boolean names(String candidate) {
        return !unit.isEmpty() && (inOrder(candidate, unit) || candidate.contains(unit))
                || !channel.isEmpty() && channel.contains(candidate);
    }

    private static boolean inOrder(String shortForm, String name) {
        int at = 0;
        for (int i = 0; i < shortForm.length(); i++) {
            at = name.indexOf(shortForm.charAt(i), at) + 1;
            if (at == 0) {
                return false;
            }
        }
        return true;
    }
}
