package dev.herald.moderation.review;

import dev.herald.moderation.screening.Verdict;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What a moderator asked the queue for. Every order ends on the id, so pages never overlap or skip
 * when reviews share a score or a second.
 */
record QueueQuery(ReviewStatus status, Verdict verdict, String channel, String unit, Order order, int page, int size) {

    enum Order {
        /** the longest-waiting unit first */
        AGE,
        /** the highest screening score first, then the longest waiting */
        RISK
    }

    Query toQuery() {
        Criteria criteria = Criteria.where("status").is(status);
        if (verdict != null) {
            criteria = criteria.and("screening.verdict").is(verdict);
        }
        if (channel != null) {
            criteria = criteria.and("article.channel").is(channel);
        }
        if (unit != null) {
            criteria = criteria.and("article.unit").is(unit);
        }
        return Query.query(criteria);
    }

    PageRequest pageRequest() {
        Sort age = Sort.by(Sort.Order.asc("revisedAt"), Sort.Order.asc("_id"));
        Sort sort = order == Order.RISK ? Sort.by(Sort.Order.desc("screening.score")).and(age) : age;
        return PageRequest.of(page, size, sort);
    }
}
