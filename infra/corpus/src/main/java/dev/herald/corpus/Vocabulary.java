package dev.herald.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed word lists (seed/vocabulary.txt), each entry suited to all unit kinds or to some, looked up per
 * kind once so that generating a report only indexes arrays.
 */
final class Vocabulary {

    private final Map<String, Map<UnitKind, List<String>>> sections;

    private Vocabulary(Map<String, Map<UnitKind, List<String>>> sections) {
        this.sections = sections;
    }

    static Vocabulary load() {
        Map<String, Map<UnitKind, List<String>>> sections = new LinkedHashMap<>();
        Map<UnitKind, List<String>> current = null;
        for (String line : Resources.dataLines("seed/vocabulary.txt")) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new EnumMap<>(UnitKind.class);
                for (UnitKind kind : UnitKind.values()) {
                    current.put(kind, new ArrayList<>());
                }
                sections.put(line.substring(1, line.length() - 1), current);
                continue;
            }
            if (current == null) {
                throw new IllegalStateException("vocabulary entry before any [section]: " + line);
            }
            String[] parts = line.split("\t");
            for (UnitKind kind : kinds(parts)) {
                current.get(kind).add(parts[0].strip());
            }
        }
        return new Vocabulary(sections);
    }

    /** The entries of a section that suit a kind of unit. */
    List<String> of(String section, UnitKind kind) {
        Map<UnitKind, List<String>> entries = sections.get(section);
        if (entries == null) {
            throw new IllegalArgumentException("no vocabulary section " + section);
        }
        return entries.get(kind);
    }

    /** Entries that suit every kind, for the sections that have no kinds. */
    List<String> of(String section) {
        return of(section, UnitKind.HOSPITAL);
    }

    private static Set<UnitKind> kinds(String[] parts) {
        if (parts.length < 2 || parts[1].isBlank()) {
            return EnumSet.allOf(UnitKind.class);
        }
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        for (String kind : parts[1].split(",")) {
            kinds.add(UnitKind.named(kind));
        }
        return kinds;
    }
}
