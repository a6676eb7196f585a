package dev.herald.events;

import dev.herald.events.EventType.Required;

import java.util.List;
import java.util.Optional;

/** The catalogue of event kinds Herald services exchange. */
public final class HeraldEvents {

    public static final String SOURCE_PREFIX = "urn:herald:";

    public static final EventType<ArticleSubmitted> ARTICLE_SUBMITTED = new EventType<>(
            "herald.article.submitted.v1", "article-submitted", ArticleSubmitted.class, List.of(
            new Required<>("unit", ArticleSubmitted::unit),
            new Required<>("channel", ArticleSubmitted::channel),
            new Required<>("title", ArticleSubmitted::title),
            new Required<>("body", ArticleSubmitted::body)));

    public static final EventType<ArticlePublished> ARTICLE_PUBLISHED = new EventType<>(
            "herald.article.published.v1", "article-published", ArticlePublished.class, List.of(
            new Required<>("unit", ArticlePublished::unit),
            new Required<>("channel", ArticlePublished::channel),
            new Required<>("title", ArticlePublished::title),
            new Required<>("body", ArticlePublished::body),
            new Required<>("publishedAt", ArticlePublished::publishedAt)));

    public static final EventType<ArticleRejected> ARTICLE_REJECTED = new EventType<>(
            "herald.article.rejected.v1", "article-rejected", ArticleRejected.class, List.of(
            new Required<>("unit", ArticleRejected::unit),
            new Required<>("reason", ArticleRejected::reason)));

    public static final EventType<ArticleChangesRequested> ARTICLE_CHANGES_REQUESTED = new EventType<>(
            "herald.article.changes-requested.v1", "article-changes-requested", ArticleChangesRequested.class, List.of(
            new Required<>("unit", ArticleChangesRequested::unit),
            new Required<>("message", ArticleChangesRequested::message)));

    public static final EventType<ArticleRetracted> ARTICLE_RETRACTED = new EventType<>(
            "herald.article.retracted.v1", "article-retracted", ArticleRetracted.class, List.of(
            new Required<>("unit", ArticleRetracted::unit),
            new Required<>("reason", ArticleRetracted::reason)));

    public static final EventType<ReviewStageEntered> REVIEW_STAGE_ENTERED = new EventType<>(
            "herald.review.stage-entered.v1", "review-stage-entered", ReviewStageEntered.class, List.of(
            new Required<>("unit", ReviewStageEntered::unit),
            new Required<>("stage", ReviewStageEntered::stage),
            new Required<>("role", ReviewStageEntered::role)));

    public static final EventType<UnitSignOffChanged> UNIT_SIGN_OFF_CHANGED = new EventType<>(
            "herald.report.unit-sign-off-changed.v1", "unit-sign-off-changed", UnitSignOffChanged.class, List.of(
            new Required<>("unit", UnitSignOffChanged::unit),
            new Required<>("state", UnitSignOffChanged::state)));

    public static final List<EventType<?>> ALL = List.of(ARTICLE_SUBMITTED, ARTICLE_PUBLISHED, ARTICLE_REJECTED,
            ARTICLE_CHANGES_REQUESTED, ARTICLE_RETRACTED, REVIEW_STAGE_ENTERED, UNIT_SIGN_OFF_CHANGED);

    private HeraldEvents() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
