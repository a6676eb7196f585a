package dev.herald.ingest.draft;

import dev.herald.ingest.extraction.ExtractedField;
import dev.herald.ingest.extraction.Extraction;
import dev.herald.ingest.registry.ContributingUnit;
import dev.herald.ingest.registry.Registry;
import dev.herald.ingest.report.ReportService;
import dev.herald.ingest.report.SubmitReportRequest;
import dev.herald.support.web.ConflictException;
import dev.herald.support.web.NotFoundException;
import dev.herald.text.ChineseText;
import dev.herald.text.Paragraphs;
import dev.herald.ingest.extraction.Section;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores drafts made from imported pages, lets their unit edit them, and submits or discards them. */
@Service
public class DraftService {

    public record Page(long total, List<Draft> drafts) {
    }

    private final MongoTemplate mongo;
    private final Registry registry;
    private final ReportService reports;
    private final Validator validator;
    private final Clock clock;

    DraftService(MongoTemplate mongo, Registry registry, ReportService reports, Validator validator, Clock clock) {
        this.mongo = mongo;
        this.registry = registry;
        this.reports = reports;
        this.validator = validator;
        this.clock = clock;
    }

    /** The draft stored under {@code id}, whoever's it is: for a caller that derived the id itself. */
    public Optional<Draft> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Draft.class));
    }

    /** A draft made from an extraction the caller already has (a feed item); stored under the given id once. */
    public Optional<Draft> create(ContributingUnit unit, String id, Origin origin, Extraction extraction) {
        return create(unit, id, origin, extraction, null);
    }

    /**
     * As {@link #create(ContributingUnit, String, Origin, Extraction)}, with the channel the caller chose in place of
     * the one extraction guessed, when it chose one; empty when a draft of that id is stored already.
     */
    public Optional<Draft> create(ContributingUnit unit, String id, Origin origin, Extraction extraction, String channel) {
        Draft draft = draft(id, unit, origin, extraction, channel);
        try {
            mongo.insert(draft);
            return Optional.of(draft);
        } catch (DuplicateKeyException alreadyThere) {
            return Optional.empty();
        }
    }

    public boolean hasContent(String unit, String contentHash) {
        return mongo.exists(Query.query(Criteria.where("unit").is(unit).and("contentHash").is(contentHash)), Draft.class);
    }

    public Draft get(String callerUnit, String id) {
        String unit = registry.registeredName(callerUnit);
        Draft draft = mongo.findById(id, Draft.class);
        if (draft == null || !draft.unit().equals(unit)) {
            throw new NotFoundException("draft", id);
        }
        return draft;
    }

    public Page list(String callerUnit, DraftStatus status, int page, int size) {
        String unit = registry.registeredName(callerUnit);
        Criteria criteria = Criteria.where("unit").is(unit);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Draft.class);
        query.with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")));
        query.fields().exclude("lines");
        return new Page(total, mongo.find(query, Draft.class));
    }

    public Draft edit(String callerUnit, String id, DraftEdit edit) {
        Draft draft = open(get(callerUnit, id));
        if (edit.version() != null && !edit.version().equals(draft.version())) {
            throw new ConflictException("the draft changed since version " + edit.version() + "; read it again");
        }
        DraftContent c = draft.content();
        DraftContent edited = new DraftContent(pick(edit.channel(), c.channel()), pick(edit.title(), c.title()),
                pick(edit.subtitle(), c.subtitle()), pick(edit.body(), c.body()), pick(edit.author(), c.author()),
                pick(edit.contributor(), c.contributor()), pick(edit.sourceUrl(), c.sourceUrl()),
                pick(edit.originalPublishedAt(), c.originalPublishedAt()), edit.tags() != null ? edit.tags() : c.tags());
        return mongo.save(draft.with(DraftStatus.OPEN, edited, null, clock.instant()));
    }

    /**
     * Sends the draft on as a report through the normal pipeline. The draft id is the report's
     * idempotency key, so submitting twice makes one report.
     */
    public ReportService.Submission submit(String callerUnit, String id) {
        Draft draft = get(callerUnit, id);
        if (draft.status() == DraftStatus.DISCARDED) {
            throw new ConflictException("the draft was discarded");
        }
        SubmitReportRequest request = request(draft);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        ReportService.Submission submission = reports.submit(draft.unit(), request, "draft:" + draft.id());
        if (draft.status() == DraftStatus.OPEN) {
            mongo.save(draft.with(DraftStatus.SUBMITTED, draft.content(), submission.report().getId(), clock.instant()));
        }
        return submission;
    }

    public Draft discard(String callerUnit, String id) {
        Draft draft = get(callerUnit, id);
        if (draft.status() == DraftStatus.DISCARDED) {
            return draft;
        }
        return mongo.save(open(draft).with(DraftStatus.DISCARDED, draft.content(), null, clock.instant()));
    }

    private Draft draft(String id, ContributingUnit unit, Origin origin, Extraction x, String channelOverride) {
        Map<String, ExtractedField> extracted = new LinkedHashMap<>();
        put(extracted, "title", x.title());
        put(extracted, "subtitle", x.subtitle());
        put(extracted, "originalDate", x.originalDate());
        put(extracted, "sourceSite", x.sourceSite());
        put(extracted, "author", x.author());
        put(extracted, "editor", x.editor());
        put(extracted, "contributor", x.contributor());
        put(extracted, "contributingUnit", x.contributingUnit());
        put(extracted, "channel", x.channel());
        List<String> warnings = new ArrayList<>();
        String channel = channelOverride != null ? channelOverride : value(x.channel());
        if (channel == null) {
            warnings.add("no channel could be guessed; choose one of: "
                    + String.join(", ", registry.channels().stream().map(c -> c.name()).filter(unit::allows).toList()));
        } else if (registry.channel(channel).filter(c -> unit.allows(c.name())).isEmpty()) {
            warnings.add("the channel " + channel + " is not one " + unit.name() + " may submit to");
        }
        String named = value(x.contributingUnit());
        if (named != null && registry.unit(named).map(u -> !u.name().equals(unit.name())).orElse(true)) {
            warnings.add("the page names " + named + " as its unit, not " + unit.name());
        }
        if (x.body() == null || x.body().isBlank()) {
            warnings.add("no report text was found on the page");
        }
        String contributor = value(x.contributor());
        DraftContent content = new DraftContent(channel, value(x.title()), value(x.subtitle()), x.body(),
                value(x.author()), contributor, origin.url(), value(x.originalDate()), List.of());
        Instant now = clock.instant();
        return new Draft(id, unit.name(), DraftStatus.OPEN, origin, x.lines(), extracted, x.sections(), x.removed(),
                content, warnings, contentHash(x.body()), null, null, now, now);
    }

    /** The hash of the body with spacing, width, script and punctuation folded away: the same story, however re-typeset. */
    public static String contentHash(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(ChineseText.nameKey(body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    private static Draft open(Draft draft) {
        if (draft.status() != DraftStatus.OPEN) {
            throw new ConflictException("the draft is " + draft.status() + " and can no longer be changed");
        }
        return draft;
    }

    /** The draft as a submission; the section titles extraction found go with it while the edited body still holds them. */
    private static SubmitReportRequest request(Draft draft) {
        DraftContent c = draft.content();
        List<String> titles = draft.sections() == null ? List.of() : draft.sections().stream().map(Section::title).toList();
        return new SubmitReportRequest(c.channel(), c.title(), c.subtitle(), c.body(), c.author(), c.contributor(),
                c.sourceUrl(), c.originalPublishedAt(), c.tags(), Paragraphs.keepPresent(c.body(), titles));
    }

    private static void put(Map<String, ExtractedField> fields, String name, ExtractedField field) {
        if (field != null) {
            fields.put(name, field);
        }
    }

    private static String value(ExtractedField field) {
        return field == null ? null : field.value();
    }

    private static String pick(String edited, String current) {
        if (edited == null) {
            return current;
        }
        return edited.isBlank() ? null : edited;
    }
}
