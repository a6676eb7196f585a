package dev.herald.ingest.extraction;

import java.util.List;

/** A registered contributing unit and the other names it goes by (short forms, its party committee, its account name). */
public record UnitName(String name, List<String> aliases) {

    public UnitName {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
