package dev.herald.ingest.feed;

import dev.herald.ingest.draft.Draft;
import dev.herald.ingest.draft.DraftService;
import dev.herald.ingest.draft.DraftStatus;
import dev.herald.ingest.importing.Extractors;
import dev.herald.ingest.draft.Origin;
import dev.herald.ingest.extraction.Extraction;
import dev.herald.ingest.fetch.FetchFailedException;
import dev.herald.ingest.fetch.PageFetcher;
import dev.herald.ingest.registry.ContributingUnit;
import dev.herald.ingest.registry.Registry;
import dev.herald.ingest.registry.UnitsProperties;
import dev.herald.support.web.ConflictException;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.UnprocessableException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.util.stream.Collectors;

/**
 * Turns one new feed item into a draft, or for a trusted unit into a submitted report, and records what
 * became of it. Every step can be repeated: the draft id derives from feed and item, so a retry after a
 * crash, or a second instance, finds the draft instead of making another.
 */
@Component
class FeedItemImporter {

    /** What one item came to; {@code outcome} is null when it could not be read and is left for the next poll. */
    record Result(ItemOutcome outcome, String failure) {
    }

    private final MongoTemplate mongo;
    private final DraftService drafts;
    private final Extractors extractors;
    private final PageFetcher fetcher;
    private final Registry registry;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ZoneId zone;

    FeedItemImporter(MongoTemplate mongo, DraftService drafts, Extractors extractors, PageFetcher fetcher, Registry registry,
                     MeterRegistry meters, Clock clock, UnitsProperties units) {
        this.mongo = mongo;
        this.drafts = drafts;
        this.extractors = extractors;
        this.fetcher = fetcher;
        this.registry = registry;
        this.meters = meters;
        this.clock = clock;
        this.zone = units.unitsZone();
    }

    Result importItem(Feed feed, ContributingUnit unit, FeedDocument.Entry entry) {
        String draftId = FeedItem.draftId(feed.id(), entry.id());
        Draft draft = mongo.findById(draftId, Draft.class);
        if (draft == null) {
            ItemContent content;
            try {
                content = ItemContent.of(entry, fetcher);
            } catch (FetchFailedException e) {
                meters.counter("herald.ingest.feeds.items", "outcome", "failed").increment();
                return new Result(null, "the item's page could not be fetched: " + e.getMessage());
            }
            if (content == null) {
                return record(feed, entry, ItemOutcome.INVALID, "the item has no text and no link to read it from", null, null);
            }
            Extraction extraction = FeedFields.fill(extractors.extract(content.content(), content.format()), entry, unit, registry, zone);
            boolean hasText = extraction.body() != null && !extraction.body().isBlank();
            if (hasText && drafts.hasContent(unit.name(), DraftService.contentHash(extraction.body()))) {
                return record(feed, entry, ItemOutcome.DUPLICATE_CONTENT, null, null, null);
            }
            Origin origin = Origin.feed(feed.id(), entry.id(), content.url() != null ? content.url() : entry.link());
            draft = drafts.create(unit, draftId, origin, extraction).orElseGet(() -> mongo.findById(draftId, Draft.class));
        }
        if (!unit.trusted() || draft.status() != DraftStatus.OPEN) {
            return record(feed, entry, draft.status() == DraftStatus.SUBMITTED ? ItemOutcome.SUBMITTED : ItemOutcome.DRAFTED,
                    null, draft.id(), draft.reportId());
        }
        try {
            var submission = drafts.submit(unit.name(), draft.id());
            return record(feed, entry, ItemOutcome.SUBMITTED, null, draft.id(), submission.report().getId());
        } catch (ConstraintViolationException e) {
            return record(feed, entry, ItemOutcome.DRAFTED, "not submitted: " + e.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")), draft.id(), null);
        } catch (InvalidRequestException | UnprocessableException | ConflictException e) {
            // the item stays a draft for the unit to complete: never lost because it could not go on by itself
            return record(feed, entry, ItemOutcome.DRAFTED, "not submitted: " + e.getMessage(), draft.id(), null);
        }
    }

    private Result record(Feed feed, FeedDocument.Entry entry, ItemOutcome outcome, String reason, String draftId, String reportId) {
        try {
            mongo.insert(new FeedItem(FeedItem.id(feed.id(), entry.id()), feed.id(), entry.id(), entry.title(), entry.link(),
                    entry.publishedAt(), outcome, reason, draftId, reportId, clock.instant()));
        } catch (DuplicateKeyException recordedByAnotherPoll) {
            // the other record says the same: both came from the same draft id
        }
        meters.counter("herald.ingest.feeds.items", "outcome", outcome.name()).increment();
        return new Result(outcome, null);
    }
}
