package dev.herald.ingest.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Fills an empty registry from a starter file (by default the channels seen in the wild, no units), so a
 * new installation can take reports once an administrator has registered its units. A registry that
 * holds anything is left alone: what administrators removed stays removed.
 */
@Component
class RegistryStarter implements ApplicationRunner {

    record StarterUnit(String name, List<String> aliases, String parent, List<String> channels, boolean trusted) {
    }

    record StarterChannel(String name, String description) {
    }

    record Starter(List<StarterChannel> channels, List<StarterUnit> units) {
    }

    private static final Logger log = LoggerFactory.getLogger(RegistryStarter.class);

    private final MongoTemplate mongo;
    private final Registry registry;
    private final JsonMapper json;
    private final Resource starter;
    private final Clock clock;

    RegistryStarter(MongoTemplate mongo, Registry registry, JsonMapper json, Clock clock, RegistryProperties properties,
                    ResourceLoader resources) {
        this.mongo = mongo;
        this.registry = registry;
        this.json = json;
        this.starter = resources.getResource(properties.starter());
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.exists(new Query(), Channel.class) || mongo.exists(new Query(), ContributingUnit.class)) {
            return;
        }
        Starter content = read();
        int position = 0;
        for (StarterChannel c : content.channels() == null ? List.<StarterChannel>of() : content.channels()) {
            insert(new Channel(c.name(), c.description(), position++, null, clock.instant()));
        }
        for (StarterUnit u : content.units() == null ? List.<StarterUnit>of() : content.units()) {
            insert(new ContributingUnit(u.name(), u.aliases(), u.parent(), u.channels(), u.trusted(), false, null, clock.instant()));
        }
        registry.reload();
        log.info("registry started from {}: {} channels, {} units", starter.getDescription(),
                registry.channels().size(), registry.units().size());
    }

    private void insert(Object entry) {
        try {
            mongo.insert(entry);
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            // starting two instances at once fills the registry once
        }
    }

    private Starter read() {
        try (InputStream in = starter.getInputStream()) {
            return json.readValue(in, Starter.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry starter " + starter.getDescription(), e);
        }
    }
}
