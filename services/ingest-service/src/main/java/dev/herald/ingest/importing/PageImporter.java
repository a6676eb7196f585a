package dev.herald.ingest.importing;

import dev.herald.ingest.draft.Draft;
import dev.herald.ingest.draft.DraftService;
import dev.herald.ingest.draft.Origin;
import dev.herald.ingest.extraction.Extraction;
import dev.herald.ingest.extraction.PageFormat;
import dev.herald.ingest.fetch.FetchFailedException;
import dev.herald.ingest.fetch.PageFetcher;
import dev.herald.ingest.registry.ContributingUnit;
import dev.herald.ingest.registry.Registry;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.UnprocessableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** Turns one page a unit pasted or pointed at into a draft: fetched if need be, decoded, extracted. */
@Service
class PageImporter {

    private final Registry registry;
    private final Extractors extractors;
    private final PageFetcher fetcher;
    private final DraftService drafts;
    private final MeterRegistry meters;

    PageImporter(Registry registry, Extractors extractors, PageFetcher fetcher, DraftService drafts, MeterRegistry meters) {
        this.registry = registry;
        this.extractors = extractors;
        this.fetcher = fetcher;
        this.drafts = drafts;
        this.meters = meters;
    }

    /**
     * Extracts the page into a new draft. With an idempotency key the draft's id derives from unit and key, so a
     * retried import finds the first draft.
     */
    Draft importPage(String callerUnit, ImportRequest request, String idempotencyKey) {
        ContributingUnit unit = registry.required(callerUnit);
        int given = (request.html() != null ? 1 : 0) + (request.text() != null ? 1 : 0) + (request.url() != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidRequestException("html", "give exactly one of html, text and url");
        }
        String pasted = request.html() != null ? request.html() : request.text();
        if (pasted != null && pasted.isBlank()) {
            throw new InvalidRequestException(request.html() != null ? "html" : "text", "must not be blank");
        }
        if (request.url() != null && request.url().isBlank()) {
            throw new InvalidRequestException("url", "must not be blank");
        }
        String id = idempotencyKey == null ? "drf-" + UUID.randomUUID()
                : "drf-" + UUID.nameUUIDFromBytes((unit.name() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            Optional<Draft> earlier = drafts.find(id);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Origin origin;
        Extraction extraction;
        if (request.url() != null) {
            PageDecoder.Decoded page;
            try {
                var fetched = fetcher.fetch(request.url());
                page = PageDecoder.decode(fetched);
                origin = Origin.fetched(fetched.url());
            } catch (FetchFailedException e) {
                meters.counter("herald.ingest.imports", "source", "url", "outcome", "fetch-failed").increment();
                throw new UnprocessableException("the page could not be imported: " + e.getMessage());
            }
            extraction = extractors.extract(page.content(), page.format());
        } else {
            boolean html = request.html() != null;
            origin = Origin.pasted(html);
            extraction = extractors.extract(html ? request.html() : request.text(), html ? PageFormat.HTML : PageFormat.TEXT);
        }
        Optional<Draft> created = drafts.create(unit, id, origin, extraction, request.channel());
        if (created.isEmpty()) {
            // a retry with the same key raced this one and stored the draft first
            return drafts.find(id).orElseThrow();
        }
        meters.counter("herald.ingest.imports", "source", origin.kind().toLowerCase(), "outcome", "drafted").increment();
        return created.get();
    }
}
