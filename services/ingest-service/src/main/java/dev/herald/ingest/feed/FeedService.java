package dev.herald.ingest.feed;

import dev.herald.ingest.fetch.FetchFailedException;
import dev.herald.ingest.fetch.PageFetcher;
import dev.herald.ingest.registry.ContributingUnit;
import dev.herald.ingest.registry.Registry;
import dev.herald.support.web.ConflictException;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** A unit's feeds: registration, changes, a poll on demand, and what became of their items. */
@Service
class FeedService {

    record ItemsPage(long total, int page, int size, List<FeedItem> items) {
    }

    /** Longest interval a unit may set: a feed polled less than weekly is hardly a feed. */
    private static final Duration MAX_INTERVAL = Duration.ofDays(7);

    private final Feeds feeds;
    private final FeedPoller poller;
    private final Registry registry;
    private final MongoTemplate mongo;
    private final FeedProperties properties;
    private final Clock clock;
    private final PageFetcher fetcher;

    FeedService(Feeds feeds, FeedPoller poller, Registry registry, MongoTemplate mongo, FeedProperties properties, Clock clock,
                PageFetcher fetcher) {
        this.fetcher = fetcher;
        this.feeds = feeds;
        this.poller = poller;
        this.registry = registry;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Registers a feed, due for its first poll at once. The id derives from unit and URL: a feed is registered once. */
    Feed register(String callerUnit, FeedRequest request) {
        ContributingUnit unit = registry.required(callerUnit);
        String url;
        try {
            url = fetcher.target(request.url()).toString();
        } catch (FetchFailedException e) {
            throw new InvalidRequestException("url", e.getMessage());
        }
        Duration interval = interval(request.intervalMinutes(), properties.defaultInterval());
        String id = "fd-" + UUID.nameUUIDFromBytes((unit.name() + "\n" + url).getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        Feed feed = new Feed(id, unit.name(), url, null, FeedStatus.ACTIVE, interval.toMinutes(), now, null, null, null, null,
                null, 0, null, 0, 0, now, null);
        return feeds.insert(feed).orElseThrow(() -> new ConflictException(unit.name() + " already registered this feed as " + id));
    }

    /** The caller's own feed; any unit's for an administrator ({@code callerUnit} null). Another unit's is a 404. */
    Feed get(String callerUnit, String id) {
        String unit = registry.registeredName(callerUnit);
        return feeds.get(id).filter(f -> unit == null || f.unit().equals(unit)).orElseThrow(() -> new NotFoundException("feed", id));
    }

    List<Feed> list(String unit) {
        return feeds.list(registry.registeredName(unit));
    }

    Feed change(String callerUnit, String id, FeedChange change) {
        Feed feed = get(callerUnit, id);
        Duration interval = change.intervalMinutes() == null ? feed.interval() : interval(change.intervalMinutes(), null);
        FeedStatus status = change.status() == null ? feed.status() : change.status();
        Instant now = clock.instant();
        // a resumed feed is due at once; a shorter interval brings the next poll forward, a longer one waits for it
        Instant next = feed.status() == FeedStatus.PAUSED && status == FeedStatus.ACTIVE ? now
                : min(feed.nextPollAt(), (feed.lastPolledAt() == null ? now : feed.lastPolledAt()).plus(interval));
        return feeds.change(feed, interval, status, next);
    }

    void delete(String callerUnit, String id) {
        feeds.delete(get(callerUnit, id).id());
    }

    PollResult pollNow(String callerUnit, String id) {
        Feed feed = get(callerUnit, id);
        Feed claimed = feeds.claim(feed.id(), clock.instant(), properties.lease())
                .orElseThrow(() -> new ConflictException("feed " + id + " is being polled right now; look again in a moment"));
        return poller.poll(claimed);
    }

    ItemsPage items(Feed feed, ItemOutcome outcome, int page, int size) {
        Criteria criteria = where("feedId").is(feed.id());
        if (outcome != null) {
            criteria = criteria.and("outcome").is(outcome);
        }
        long total = mongo.count(Query.query(criteria), FeedItem.class);
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "recordedAt")).skip((long) page * size).limit(size);
        return new ItemsPage(total, page, size, mongo.find(query, FeedItem.class));
    }

    FeedHealth health(Feed feed) {
        return FeedHealth.of(feed, clock.instant(), properties.quietAfter());
    }

    private Duration interval(Integer minutes, Duration fallback) {
        if (minutes == null) {
            return fallback;
        }
        Duration interval = Duration.ofMinutes(minutes);
        if (interval.compareTo(properties.minInterval()) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new InvalidRequestException("intervalMinutes",
                    "must be between " + properties.minInterval().toMinutes() + " and " + MAX_INTERVAL.toMinutes());
        }
        return interval;
    }


    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
