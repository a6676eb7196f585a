package dev.herald.ingest.importing;

import dev.herald.ingest.extraction.Extraction;
import dev.herald.ingest.extraction.ExtractionHints;
import dev.herald.ingest.extraction.PageExtractor;
import dev.herald.ingest.extraction.PageFormat;
import dev.herald.ingest.extraction.UnitName;
import dev.herald.ingest.registry.Channel;
import dev.herald.ingest.registry.ContributingUnit;
import dev.herald.ingest.registry.Registry;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * An extractor that knows the registered units and channels, rebuilt only when the registry changed:
 * its name tables are built once per registry, not per page.
 */
@Component
public class Extractors {

    private record Built(List<ContributingUnit> units, List<Channel> channels, PageExtractor extractor) {
    }

    private final Registry registry;
    private volatile Built built;

    Extractors(Registry registry) {
        this.registry = registry;
    }

    public Extraction extract(String content, PageFormat format) {
        return current().extractor().extract(content, format);
    }

    private Built current() {
        List<ContributingUnit> units = registry.units();
        List<Channel> channels = registry.channels();
        Built b = built;
        if (b == null || b.units() != units || b.channels() != channels) {
            b = new Built(units, channels, new PageExtractor(new ExtractionHints(
                    channels.stream().map(Channel::name).toList(),
                    units.stream().map(u -> new UnitName(u.name(), u.aliases())).toList())));
            built = b;
        }
        return b;
    }
}
