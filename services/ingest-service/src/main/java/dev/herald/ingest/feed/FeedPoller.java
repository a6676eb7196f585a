package dev.herald.ingest.feed;

import dev.herald.ingest.fetch.FetchFailedException;
import dev.herald.ingest.fetch.PageFetcher;
import dev.herald.ingest.registry.ContributingUnit;
import dev.herald.ingest.registry.Registry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Polls one claimed feed: fetches and reads it, takes in its new items oldest first, and records the outcome. */
@Component
class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
    private static final Comparator<FeedDocument.Entry> OLDEST_FIRST =
            Comparator.comparing(FeedDocument.Entry::publishedAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Feeds feeds;
    private final FeedItemImporter importer;
    private final PageFetcher fetcher;
    private final Registry registry;
    private final MongoTemplate mongo;
    private final FeedProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    FeedPoller(Feeds feeds, FeedItemImporter importer, PageFetcher fetcher, Registry registry, MongoTemplate mongo,
               FeedProperties properties, MeterRegistry meters, Clock clock) {
        this.feeds = feeds;
        this.importer = importer;
        this.fetcher = fetcher;
        this.registry = registry;
        this.mongo = mongo;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Polls a feed this instance holds the lease of; whatever happens, the lease is given back with the outcome. */
    PollResult poll(Feed feed) {
        PollResult result;
        try {
            result = read(feed);
        } catch (FetchFailedException | FeedUnreadableException e) {
            result = PollResult.failed(feed.id(), e.getMessage());
        } catch (RuntimeException e) {
            // a bug or the store failing: recorded like any failure, so the feed backs off instead of spinning
            log.warn("polling feed {} failed", feed.id(), e);
            result = PollResult.failed(feed.id(), "the poll failed unexpectedly (" + e.getClass().getSimpleName() + ")");
        }
        if (result.error() != null) {
            feeds.failed(feed, result.error(), clock.instant(), properties.maxBackoff());
        }
        meters.counter("herald.ingest.feeds.polls", "outcome", result.outcome().toLowerCase()).increment();
        return result;
    }

    private PollResult read(Feed feed) {
        ContributingUnit unit = registry.unit(feed.unit())
                .orElseThrow(() -> new FeedUnreadableException("the unit " + feed.unit() + " is no longer registered"));
        FeedDocument document = FeedParser.parse(fetcher.fetch(feed.url()));
        List<FeedDocument.Entry> fresh = unseen(feed, document.entries()).stream()
                .sorted(OLDEST_FIRST).limit(properties.maxItemsPerPoll()).toList();
        int added = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        LastItem last = feed.lastItem();
        for (FeedDocument.Entry entry : fresh) {
            FeedItemImporter.Result r = importer.importItem(feed, unit, entry);
            if (r.outcome() == null) {
                failures.add(entry.id() + ": " + r.failure());
                continue;
            }
            if (r.outcome() == ItemOutcome.DRAFTED || r.outcome() == ItemOutcome.SUBMITTED) {
                added++;
            } else {
                skipped++;
            }
            last = newer(last, new LastItem(entry.title(), entry.link(), entry.publishedAt(), clock.instant()));
        }
        feeds.succeeded(feed, document.title(), clock.instant(), last, added, skipped);
        return new PollResult(feed.id(), "OK", added, skipped, failures.size(), null, failures);
    }

    /** The entries not recorded yet: one query for the whole feed, so a redelivered item costs nothing more. */
    private List<FeedDocument.Entry> unseen(Feed feed, List<FeedDocument.Entry> entries) {
        List<String> ids = entries.stream().map(e -> FeedItem.id(feed.id(), e.id())).toList();
        var q = query(where("_id").in(ids));
        q.fields().include("_id");
        Set<String> seen = mongo.find(q, FeedItem.class).stream().map(FeedItem::id).collect(Collectors.toSet());
        return entries.stream().filter(e -> !seen.contains(FeedItem.id(feed.id(), e.id()))).distinct().toList();
    }

    private static LastItem newer(LastItem current, LastItem candidate) {
        if (current == null || current.seenAt() == null) {
            return candidate;
        }
        return candidate.seenAt().isBefore(current.seenAt()) ? current : candidate;
    }
}
