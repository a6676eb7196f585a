package dev.herald.moderation.screening.evaluation;

import dev.herald.moderation.screening.Finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finding kinds by name. Cases name the kinds they expect as text, so a kind a detector still being written
 * will add (SCRAMBLED) can be labelled now, and counts as never raised until this build has it.
 */
final class DetectorKinds {

    private static final List<String> BUILT = java.util.Arrays.stream(Finding.Kind.values()).map(Enum::name).toList();

    /** The kinds this build raises first, in their declared order, then any others by name. */
    static final Comparator<String> ORDER = Comparator
            .comparingInt((String kind) -> BUILT.contains(kind) ? BUILT.indexOf(kind) : BUILT.size())
            .thenComparing(Comparator.naturalOrder());

    private DetectorKinds() {
    }

    static boolean built(String kind) {
        return BUILT.contains(kind);
    }

    /** Every kind this build raises, and every other kind named in {@code expected}. */
    static List<String> all(Collection<String> expected) {
        Set<String> kinds = new LinkedHashSet<>(BUILT);
        kinds.addAll(expected);
        return sorted(kinds);
    }

    static List<String> sorted(Collection<String> kinds) {
        List<String> list = new ArrayList<>(kinds);
        list.sort(ORDER);
        return list;
    }
}
