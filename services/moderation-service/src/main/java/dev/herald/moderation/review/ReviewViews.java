package dev.herald.moderation.review;

import dev.herald.moderation.screening.ScreeningResult;
import dev.herald.moderation.screening.Verdict;

import java.time.Instant;
import java.util.List;

/** What the review API answers. */
final class ReviewViews {

    private ReviewViews() {
    }

    record Summary(String id, ReviewStatus status, String unit, String channel, String title, Instant submittedAt,
                   Instant decidedAt, Verdict verdict, Integer score) {
        static Summary of(Review r) {
            ScreeningResult s = r.getScreening();
            return new Summary(r.getId(), r.getStatus(), r.getArticle().unit(), r.getArticle().channel(),
                    r.getArticle().title(), r.getSubmittedAt(), r.getDecidedAt(),
                    s == null ? null : s.verdict(), s == null ? null : s.score());
        }
    }

    record Detail(String id, ReviewStatus status, Article article, Instant submittedAt, Instant decidedAt,
                  String moderator, String note, String reason, ScreeningResult screening) {
        static Detail of(Review r) {
            return new Detail(r.getId(), r.getStatus(), r.getArticle(), r.getSubmittedAt(), r.getDecidedAt(),
                    r.getModerator(), r.getNote(), r.getReason(), r.getScreening());
        }
    }

    record Queue(ReviewStatus status, long total, int page, int size, List<Summary> reviews) {
    }
}
