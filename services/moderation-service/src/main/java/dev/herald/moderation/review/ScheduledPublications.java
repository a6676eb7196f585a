package dev.herald.moderation.review;

import dev.herald.support.periodic.PeriodicPass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Publishes scheduled publications (定时发布) when they are due, on every moderation instance. The schedule
 * is the reviews themselves (status SCHEDULED, {@code publishAt}), written with the sign-off, so a
 * publication due while no instance ran is found by the first pass after a start. Each due review is
 * published under a lease ({@link PublicationClaims}) by one instance, in the version-checked write that
 * also puts article-published in the review's outbox.
 */
@Component
class ScheduledPublications extends PeriodicPass {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublications.class);

    private final ReviewService reviews;
    private final PublicationClaims claims;
    private final SchedulingProperties settings;
    private final Clock clock;

    ScheduledPublications(ReviewService reviews, MongoTemplate mongo, SchedulingProperties settings, Clock clock) {
        super("scheduled-publications", settings.interval(), Duration.ofSeconds(5));
        this.reviews = reviews;
        this.claims = new PublicationClaims(mongo.getCollection(PublicationClaims.COLLECTION), settings.claimLease(), clock);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void pass() {
        publishDue();
    }

    /** Publishes what is due and not held by another instance; returns how many this pass published. */
    int publishDue() {
        int published = 0;
        for (String id : reviews.dueForPublication(clock.instant(), settings.batch())) {
            if (!claims.claim(id)) {
                continue;
            }
            try {
                if (reviews.publishIfDue(id)) {
                    published++;
                }
            } catch (OptimisticLockingFailureException e) {
                // moved, cancelled or published by someone else since it was read: nothing left to do here
                log.info("scheduled publication of {} changed while publishing it; left as it is now", id);
            } finally {
                claims.release(id);
            }
        }
        return published;
    }
}
