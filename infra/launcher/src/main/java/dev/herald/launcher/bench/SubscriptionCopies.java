package dev.herald.launcher.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.herald.launcher.PlatformSettings;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * `--fanout-copies-of=T`: a million subscriptions through {@code POST /api/subscriptions} take hours (about 100 a
 * second), so past the first T the fan-out's inbox subscriptions are copies of two the service made (one matching,
 * one not), written straight into its store as a bulk loader producing the same documents would: a new id, the
 * subscriber whose share it falls in, the unit it filters on, and the times set back a day. Dated before the
 * notification service's catch-up window, they reach its index when it next loads the index whole, at its start;
 * a copy taken in at once would be a million one-by-one changes to the live index.
 */
final class SubscriptionCopies {

    static final Duration DATED_BACK = Duration.ofDays(1);
    private static final int BATCH = 1_000;

    private final PlatformSettings settings;

    SubscriptionCopies(PlatformSettings settings) {
        this.settings = settings;
    }

    /**
     * Tops up each subscriber's share of subscriptions {@code [from, count)} to what it should hold, in order.
     *
     * @param subscriberOf the subscriber whose share subscription {@code i} falls in
     * @param matches      whether subscription {@code i} filters on the article's unit
     * @return how many were copied
     */
    long copy(int from, int count, int perSubscriber, IntFunction<String> subscriberOf, IntPredicate matches,
              String unit, String otherUnit) {
        try (MongoClient client = MongoClients.create(settings.mongoUri())) {
            MongoCollection<Document> subscriptions = client.getDatabase("herald-notification").getCollection("subscriptions");
            Document matching = template(subscriptions, subscriberOf.apply(0), unit);
            Document other = template(subscriptions, subscriberOf.apply(0), otherUnit);
            if (matching == null) {
                throw new IllegalStateException("no subscription of " + subscriberOf.apply(0) + " on " + unit + " to copy: make the first ones through the API");
            }
            Date at = Date.from(matching.getDate("createdAt").toInstant().minus(DATED_BACK));
            long copied = 0;
            List<Document> batch = new ArrayList<>(BATCH);
            for (int first = from - from % perSubscriber; first < count; first += perSubscriber) {
                String subscriber = subscriberOf.apply(first);
                long have = subscriptions.countDocuments(Filters.eq("subscriber", subscriber));
                for (int i = (int) Math.max(from, first + have); i < Math.min(count, first + perSubscriber); i++) {
                    boolean match = matches.test(i);
                    if (!match && other == null) throw new IllegalStateException("no subscription of " + otherUnit + " to copy");
                    batch.add(copyOf(match ? matching : other, subscriber, at));
                    if (batch.size() == BATCH) {
                        subscriptions.insertMany(batch);
                        copied += batch.size();
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                subscriptions.insertMany(batch);
                copied += batch.size();
            }
            return copied;
        }
    }

    /** The template as another subscriber's subscription of the same filter and delivery, made at {@code at}. */
    static Document copyOf(Document template, String subscriber, Date at) {
        Document copy = new Document(template);
        copy.put("_id", "sub-" + UUID.randomUUID());
        copy.put("subscriber", subscriber);
        copy.put("createdAt", at);
        copy.put("updatedAt", at);
        return copy;
    }

    /** One the service made for this subscriber, filtering on the unit: the copies are of its shape exactly. */
    private static Document template(MongoCollection<Document> subscriptions, String subscriber, String unit) {
        return subscriptions.find(Filters.and(Filters.eq("subscriber", subscriber), Filters.eq("filter.units", unit))).first();
    }
}
