package dev.herald.moderation.review;

import dev.herald.moderation.screening.Verdict;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What a moderator asked the queue for. Every order ends on the id, so pages never overlap or skip
 * when reviews share a score or a second.
 *
 * @param stage        only reviews waiting in the stage of that name
 * @param decider      with {@code deciderRoles}: only the reviews this person may decide now (a stage of one of
 *                     their roles, no other stage of the revision already decided by them); null for all
 */
record QueueQuery(ReviewStatus status, Verdict verdict, String channel, String unit, String stage, String decider,
                  java.util.List<String> deciderRoles, Order order, int page, int size) {

    QueueQuery(ReviewStatus status, Verdict verdict, String channel, String unit, Order order, int page, int size) {
        this(status, verdict, channel, unit, null, null, null, order, page, size);
    }

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
        if (stage != null) {
            criteria = criteria.and("stageName").is(stage);
        }
        if (decider != null) {
            // reviews stored before workflows have no stage role: their one stage is a moderator's
            Criteria role = deciderRoles.contains(dev.herald.moderation.workflow.Roles.MODERATOR)
                    ? new Criteria().orOperator(Criteria.where("stageRole").in(deciderRoles), Criteria.where("stageRole").exists(false))
                    : Criteria.where("stageRole").in(deciderRoles);
            criteria = criteria.and("barred").ne(decider).andOperator(role);
        }
        return Query.query(criteria);
    }

    PageRequest pageRequest() {
        Sort age = Sort.by(Sort.Order.asc("revisedAt"), Sort.Order.asc("_id"));
        Sort sort = order == Order.RISK ? Sort.by(Sort.Order.desc("screening.score")).and(age) : age;
        return PageRequest.of(page, size, sort);
    }
}
