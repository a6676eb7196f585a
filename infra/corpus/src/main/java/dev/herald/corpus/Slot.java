package dev.herald.corpus;

import java.util.Locale;

/**
 * A place in the training text where a name stood. Each is one private-use character in the text the model
 * learns from, so the model learns where names go without learning the names, and every report fills them
 * with its own.
 */
enum Slot {
    UNIT, PERSON, PLACE, ORG, COMPANY, DATE;

    private static final int FIRST_MARKER = 0xE000;
    private static final Slot[] ALL = values();

    int marker() {
        return FIRST_MARKER + ordinal();
    }

    static boolean isMarker(int codePoint) {
        return codePoint >= FIRST_MARKER && codePoint < FIRST_MARKER + ALL.length;
    }

    static Slot ofMarker(int codePoint) {
        return ALL[codePoint - FIRST_MARKER];
    }

    static Slot named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
