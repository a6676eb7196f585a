package dev.herald.notification.subscription;

import dev.herald.events.ArticlePublished;
import dev.herald.notification.ComponentTest;
import dev.herald.notification.matching.SubscriptionIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The in-memory index as other instances' changes reach it; "elsewhere" means straight into the store. */
class LiveSubscriptionIndexTest extends ComponentTest {

    @Autowired
    SubscriptionRepository repository;
    @Autowired
    LiveSubscriptionIndex index;
    @Autowired
    SubscriptionService service;
    @Autowired
    SubscriptionRemovalRepository removals;

    @Test
    void aSubscriptionMadeElsewhereIsMatchedOnceTheIndexCatchesUp() {
        String unit = "单位-" + token();
        Subscription elsewhere = storedElsewhere(unit);

        index.catchUp();

        assertThat(service.matching(article(unit))).extracting(m -> m.subscription().id()).containsExactly(elsewhere.id());
    }

    @Test
    void aCatchUpLeavesTheIndexAloneWhenNothingChangedSinceItLastLooked() {
        String unit = "单位-" + token();
        service.create("reader-" + token(), request(unit));
        storedElsewhere(unit);
        index.catchUp();
        SubscriptionIndex before = index.current();

        index.catchUp();

        assertThat(index.current()).as("both are still in the look-back, neither is taken in again").isSameAs(before);
    }

    @Test
    void aSubscriptionEditedElsewhereWithinTheLookBackIsTakenInAgain() {
        String unit = "单位-" + token(), other = "单位-" + token();
        Subscription elsewhere = storedElsewhere(unit);
        index.catchUp();

        Subscription edited = repository.save(new Subscription(elsewhere.id(), elsewhere.version(), elsewhere.subscriber(),
                new SubscriptionFilter(null, List.of(other), null), elsewhere.delivery(), elsewhere.frequency(), elsewhere.status(),
                null, elsewhere.createdAt(), Instant.now()));
        index.catchUp();

        assertThat(edited.version()).isGreaterThan(elsewhere.version());
        assertThat(service.matching(article(unit))).isEmpty();
        assertThat(service.matching(article(other))).extracting(m -> m.subscription().id()).containsExactly(elsewhere.id());
    }

    @Test
    void aSubscriptionDeletedElsewhereIsNotMatchedEvenBeforeTheIndexHears() {
        String unit = "单位-" + token();
        Subscription mine = service.create("reader-" + token(), request(unit));
        assertThat(service.matching(article(unit))).hasSize(1);

        repository.deleteById(mine.id());

        assertThat(index.current().contains(mine.id())).isTrue();
        assertThat(service.matching(article(unit))).isEmpty();
    }

    @Test
    void aSubscriptionDeletedThroughAnotherInstanceLeavesThisIndexAtTheNextCatchUp() {
        String unit = "单位-" + token();
        Subscription kept = service.create("reader-" + token(), request(unit));
        Subscription gone = service.create("reader-" + token(), request(unit));
        index.catchUp();

        // what another instance's delete leaves in the store: the subscription gone, the record that it went
        repository.deleteById(gone.id());
        removals.save(new SubscriptionRemoval(gone.id(), Instant.now()));
        index.catchUp();

        assertThat(index.current().contains(gone.id())).isFalse();
        assertThat(index.current().contains(kept.id())).isTrue();
        assertThat(service.matching(article(unit))).extracting(m -> m.subscription().id()).containsExactly(kept.id());
    }

    @Test
    void deletingASubscriptionRecordsItsRemovalForTheOtherInstances() {
        Subscription mine = service.create("reader-" + token(), request("单位-" + token()));

        service.delete(mine.subscriber(), mine.id());

        assertThat(removals.findById(mine.id())).hasValueSatisfying(r -> assertThat(r.removedAt()).isNotNull());
        assertThat(repository.findById(mine.id())).isEmpty();
    }

    @Test
    void aReloadForgetsWhatWasDeletedElsewhereAndKeepsTheRest() {
        String unit = "单位-" + token();
        Subscription kept = service.create("reader-" + token(), request(unit));
        Subscription gone = service.create("reader-" + token(), request(unit));
        repository.deleteById(gone.id());

        index.reload();

        assertThat(index.current().contains(gone.id())).isFalse();
        assertThat(service.matching(article(unit))).extracting(m -> m.subscription().id()).containsExactly(kept.id());
    }

    @Test
    void compactingKeepsEveryChangeMadeThroughThisInstance() {
        String unit = "单位-" + token();
        Subscription kept = service.create("reader-" + token(), request(unit));
        Subscription deleted = service.create("reader-" + token(), request(unit));
        service.delete(deleted.subscriber(), deleted.id());

        index.compact();

        assertThat(index.current().pending()).isZero();
        assertThat(service.matching(article(unit))).extracting(m -> m.subscription().id()).containsExactly(kept.id());
    }

    @Test
    void aKeywordMatchesAsAWordNotInsideAnUnrelatedOne() {
        String reader = "reader-" + token();
        String unit = "单位-" + token();
        Subscription sub = service.create(reader, new CreateSubscriptionRequest(
                new CreateSubscriptionRequest.FilterRequest(null, List.of(unit), List.of("海南"), null),
                new CreateSubscriptionRequest.DeliveryRequest(DeliveryType.INBOX, null, null), null));

        assertThat(service.matching(article(unit, "游览上海南京路步行街"))).isEmpty();
        assertThat(service.matching(article(unit, "海南省卫生健康委员会召开会议")))
                .extracting(m -> m.subscription().id(), m -> m.matchedBy().keyword())
                .containsExactly(tuple(sub.id(), "海南"));
    }

    private Subscription storedElsewhere(String unit) {
        Instant now = Instant.now();
        return repository.insert(new Subscription("sub-" + UUID.randomUUID(), null, "reader-" + token(),
                new SubscriptionFilter(null, List.of(unit), null), Delivery.inbox(), Frequency.immediate(),
                SubscriptionStatus.ACTIVE, null, now, now));
    }

    private static CreateSubscriptionRequest request(String unit) {
        return new CreateSubscriptionRequest(new CreateSubscriptionRequest.FilterRequest(null, List.of(unit), null, null),
                new CreateSubscriptionRequest.DeliveryRequest(DeliveryType.INBOX, null, null), null);
    }

    private static ArticlePublished article(String unit) {
        return article(unit, "正文");
    }

    private static ArticlePublished article(String unit, String body) {
        Instant at = Instant.parse("2026-11-20T03:00:00Z");
        return new ArticlePublished(UUID.randomUUID(), at, "rpt-" + token(), 1, unit, "党建动态", "标题", null, body,
                null, null, null, null, List.of(), "wang.fang", at, List.of());
    }
}
