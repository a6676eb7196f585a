package dev.herald.ingest.extraction;

import java.util.List;

/** What the platform already knows: its channels and its registered units, so guesses land on real names. */
public record ExtractionHints(List<String> channels, List<UnitName> units) {

    public ExtractionHints {
        channels = channels == null ? List.of() : List.copyOf(channels);
        units = units == null ? List.of() : List.copyOf(units);
    }

    public static ExtractionHints none() {
        return new ExtractionHints(List.of(), List.of());
    }
}
