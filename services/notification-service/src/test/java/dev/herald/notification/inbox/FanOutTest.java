package dev.herald.notification.inbox;

import dev.herald.events.ArticlePublished;
import dev.herald.notification.ComponentTest;
import dev.herald.notification.subscription.CreateSubscriptionRequest;
import dev.herald.notification.subscription.DeliveryType;
import dev.herald.notification.subscription.SubscriptionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * One article matching many subscriptions: every inbox notice and every webhook message it owes is stored
 * (in bulk), and running it again after a partial attempt adds exactly what that attempt left out.
 */
class FanOutTest extends ComponentTest {

    @Autowired
    Notifier notifier;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anArticleMatchingManySubscriptionsOwesEachOneNoticeAndEachWebhookOneMessage() {
        String unit = "扇出-" + token();
        subscribe(unit, 300);
        ArticlePublished article = article(unit);

        int created = notifier.notifySubscribers(article);

        assertThat(created).isEqualTo(300);
        assertThat(notices(article)).isEqualTo(300);
        assertThat(webhookMessages(article)).as("every other subscription calls a webhook").isEqualTo(150);
        assertThat(notifier.notifySubscribers(article)).as("a redelivery owes nothing more").isZero();
        assertThat(notices(article)).isEqualTo(300);
        assertThat(webhookMessages(article)).isEqualTo(150);
    }

    @Test
    void aRedeliveryAfterAPartialAttemptAddsOnlyWhatThatAttemptLeftOut() {
        String unit = "扇出-" + token();
        subscribe(unit, 120);
        ArticlePublished article = article(unit);
        notifier.notifySubscribers(article);
        // as if the earlier attempt had stopped part-way: some notices and messages never written, scattered
        List<String> noticeIds = mongo.find(Query.query(where("articleId").is(article.articleId())), Notification.class)
                .stream().map(Notification::id).sorted().toList();
        List<String> lost = java.util.stream.IntStream.range(0, noticeIds.size()).filter(i -> i % 3 == 1).mapToObj(noticeIds::get).toList();
        mongo.remove(Query.query(where("_id").in(lost)), Notification.class);
        long messagesLost = mongo.remove(Query.query(where("notices.notificationId").in(lost)), "webhook_messages").getDeletedCount();

        int created = notifier.notifySubscribers(article);

        assertThat(created).isEqualTo(lost.size());
        assertThat(messagesLost).isPositive();
        assertThat(notices(article)).isEqualTo(120);
        assertThat(webhookMessages(article)).isEqualTo(60);
    }

    private void subscribe(String unit, int count) {
        for (int i = 0; i < count; i++) {
            boolean webhook = i % 2 == 0;
            subscriptions.create("fan-" + token(), new CreateSubscriptionRequest(
                    new CreateSubscriptionRequest.FilterRequest(null, List.of(unit), null, null),
                    webhook ? new CreateSubscriptionRequest.DeliveryRequest(DeliveryType.WEBHOOK, receiver.url("/fan-out/" + token()), null)
                            : new CreateSubscriptionRequest.DeliveryRequest(DeliveryType.INBOX, null, null), null));
        }
    }

    private long notices(ArticlePublished article) {
        return mongo.count(Query.query(where("articleId").is(article.articleId())), Notification.class);
    }

    private long webhookMessages(ArticlePublished article) {
        return mongo.count(Query.query(where("notices.articleId").is(article.articleId())), "webhook_messages");
    }

    private static ArticlePublished article(String unit) {
        Instant now = Instant.parse("2026-11-20T03:00:00Z");
        return new ArticlePublished(UUID.randomUUID(), now, "rpt-" + token(), 1, unit, "党建动态", "扇出", null, "正文。",
                "作者", "投稿人", null, null, List.of(), "moderator", now, List.of(), List.of(), List.of());
    }
}
