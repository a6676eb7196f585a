package dev.herald.moderation.review;

import dev.herald.moderation.screening.Verdict;

import java.time.Instant;

/** A revision a moderator sent back, kept so the next one can be read against it. */
public record PastRevision(int revision, Article article, Instant submittedAt, Verdict verdict, Integer score,
                           String changesRequested) {
}
