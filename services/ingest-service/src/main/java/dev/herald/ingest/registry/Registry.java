package dev.herald.ingest.registry;

import dev.herald.support.web.ConflictException;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import dev.herald.text.ChineseText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered units and channels. Every submission is checked against it, so it is read from a
 * snapshot in memory, reloaded after each change here and every few seconds for changes made through
 * another instance. Names are compared by {@link ChineseText#nameKey}, so 党旗飘扬,战疫情 finds
 * 党旗飘扬·战疫情 and a traditional-script alias finds its unit.
 */
@Service
public class Registry {

    /** What a submission resolves to: the registered unit and channel, under their registered names. */
    public record Accepted(ContributingUnit unit, Channel channel) {
    }

    private record Snapshot(List<ContributingUnit> units, List<Channel> channels,
                            Map<String, ContributingUnit> unitsByKey, Map<String, Channel> channelsByKey) {
    }

    private static final int LISTED = 50;

    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile Snapshot snapshot;

    Registry(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.snapshot = load();
    }

    public List<ContributingUnit> units() {
        return snapshot.units();
    }

    public List<Channel> channels() {
        return snapshot.channels();
    }

    /** The unit a name or any of its aliases names, however it is written. */
    public Optional<ContributingUnit> unit(String nameOrAlias) {
        return Optional.ofNullable(snapshot.unitsByKey().get(ChineseText.nameKey(nameOrAlias)));
    }

    /**
     * The registered name of the unit a token names, however the token writes it; an unregistered name
     * is returned as it is, so what it owns is simply nothing.
     */
    public String registeredName(String unit) {
        return unit == null ? null : unit(unit).map(ContributingUnit::name).orElse(unit);
    }

    /** The registered unit a caller's token acts for, or a 400 saying why there is none. */
    public ContributingUnit required(String unit) {
        if (unit == null || unit.isBlank()) {
            throw new InvalidRequestException("unit", "the token names no unit to act for");
        }
        return unit(unit).orElseThrow(() -> new InvalidRequestException("unit",
                "'" + unit + "' is not a registered unit; ask an administrator to register it"));
    }

    public Optional<Channel> channel(String name) {
        return Optional.ofNullable(snapshot.channelsByKey().get(ChineseText.nameKey(name)));
    }

    /**
     * The registered unit and channel a submission names, or a 400 that lists what would be valid: the
     * registered units, or the channels this unit may use.
     */
    public Accepted accept(String unitName, String channelName) {
        ContributingUnit unit = unit(unitName).orElseThrow(() -> new InvalidRequestException("unit",
                "'" + unitName + "' is not a registered unit; registered units: " + listed(units().stream().map(ContributingUnit::name).toList())));
        List<String> allowed = channels().stream().map(Channel::name).filter(unit::allows).toList();
        Channel channel = channel(channelName).filter(c -> unit.allows(c.name())).orElseThrow(() -> new InvalidRequestException("channel",
                "'" + channelName + "' is not a channel " + unit.name() + " may submit to; valid channels: " + listed(allowed)));
        return new Accepted(unit, channel);
    }

    public ContributingUnit putUnit(String name, UnitRequest request) {
        // the conflicts are checked against the store as it is now: the snapshot may not have another
        // instance's change of the last few seconds yet
        reload();
        String registered = name.strip();
        Optional<ContributingUnit> other = unit(registered).filter(u -> !u.name().equals(registered));
        if (other.isPresent()) {
            throw new ConflictException("'" + registered + "' already names the unit " + other.get().name());
        }
        for (String alias : request.aliases() == null ? List.<String>of() : request.aliases()) {
            unit(alias).filter(u -> !u.name().equals(registered)).ifPresent(u -> {
                throw new ConflictException("the alias '" + alias + "' already names the unit " + u.name());
            });
        }
        List<String> channels = new ArrayList<>();
        for (String c : request.channels() == null ? List.<String>of() : request.channels()) {
            channels.add(channel(c).orElseThrow(() -> new InvalidRequestException("channels",
                    "'" + c + "' is not a registered channel; registered channels: " + listed(channels().stream().map(Channel::name).toList()))).name());
        }
        Long version = versionFor(ContributingUnit.class, registered, request.version());
        ContributingUnit unit = new ContributingUnit(registered, request.aliases(), blankToNull(request.parent()),
                channels, Boolean.TRUE.equals(request.trusted()), Boolean.TRUE.equals(request.unitSignOff()), version, clock.instant());
        return saved(() -> mongo.save(unit));
    }

    public void deleteUnit(String name) {
        if (mongo.remove(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(name)),
                ContributingUnit.class).getDeletedCount() == 0) {
            throw new NotFoundException("unit", name);
        }
        reload();
    }

    public Channel putChannel(String name, ChannelRequest request) {
        reload();
        String registered = name.strip();
        channel(registered).filter(c -> !c.name().equals(registered)).ifPresent(c -> {
            throw new ConflictException("'" + registered + "' is the channel " + c.name() + " written differently");
        });
        Long version = versionFor(Channel.class, registered, request.version());
        int position = request.position() != null ? request.position()
                : channel(registered).map(Channel::position).orElse(channels().size());
        Channel channel = new Channel(registered, blankToNull(request.description()), position, version, clock.instant());
        return saved(() -> mongo.save(channel));
    }

    public void deleteChannel(String name) {
        reload();
        List<String> users = units().stream().filter(u -> u.channels().contains(name)).map(ContributingUnit::name).toList();
        if (!users.isEmpty()) {
            throw new ConflictException("the channel " + name + " is allowed to " + listed(users) + "; take it from them first");
        }
        if (mongo.remove(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(name)),
                Channel.class).getDeletedCount() == 0) {
            throw new NotFoundException("channel", name);
        }
        reload();
    }

    /** Loads the registry again now; also what the periodic refresh does. */
    public void reload() {
        try {
            Snapshot loaded = load();
            // an unchanged registry keeps its snapshot, so what callers built from it (the extractor's name
            // tables) stays valid instead of being rebuilt after every periodic reload
            if (!loaded.units().equals(snapshot.units()) || !loaded.channels().equals(snapshot.channels())) {
                snapshot = loaded;
            }
        } catch (RuntimeException e) {
            // a store that is briefly away leaves the last snapshot in place
            org.slf4j.LoggerFactory.getLogger(Registry.class).warn("registry reload failed: {}", e.toString());
        }
    }

    private <T> T saved(java.util.function.Supplier<T> write) {
        try {
            T result = write.get();
            reload();
            return result;
        } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
            throw new ConflictException("changed meanwhile by someone else; read it again and repeat the change");
        }
    }

    /** The version to save with: the client's (checked by the store), or the current one for a plain replacement. */
    private Long versionFor(Class<?> type, String id, Long requested) {
        if (requested != null) {
            return requested;
        }
        Object current = mongo.findById(id, type);
        return current instanceof ContributingUnit u ? u.version() : current instanceof Channel c ? c.version() : null;
    }

    private Snapshot load() {
        List<ContributingUnit> units = mongo.findAll(ContributingUnit.class).stream()
                .sorted(Comparator.comparing(ContributingUnit::name)).toList();
        List<Channel> channels = mongo.find(new Query().with(Sort.by("position", "_id")), Channel.class);
        Map<String, ContributingUnit> unitsByKey = new HashMap<>();
        for (ContributingUnit u : units) {
            unitsByKey.put(ChineseText.nameKey(u.name()), u);
        }
        for (ContributingUnit u : units) {
            u.aliases().forEach(a -> unitsByKey.putIfAbsent(ChineseText.nameKey(a), u));
        }
        Map<String, Channel> channelsByKey = new HashMap<>();
        channels.forEach(c -> channelsByKey.put(ChineseText.nameKey(c.name()), c));
        return new Snapshot(units, channels, Map.copyOf(unitsByKey), Map.copyOf(channelsByKey));
    }

    private static String listed(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        return names.size() <= LISTED ? String.join(", ", names)
                : String.join(", ", names.subList(0, LISTED)) + " and " + (names.size() - LISTED) + " more (GET /api/units)";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
