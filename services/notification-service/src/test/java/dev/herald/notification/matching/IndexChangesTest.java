package dev.herald.notification.matching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IndexChangesTest {

    private static final ArticleText ARTICLE = new ArticleText("要闻", "某单位", "疫情防控", null, "乡村振兴");

    @Test
    void anAddedSubscriptionMatchesAndTheIndexItCameFromIsUnchanged() {
        SubscriptionIndex before = SubscriptionIndex.of(List.of(keyword("a", "疫情")));

        SubscriptionIndex after = before.with(keyword("b", "乡村振兴"));

        assertThat(ids(after)).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(before)).containsExactly("a");
        assertThat(after.size()).isEqualTo(2);
    }

    @Test
    void changesLeaveTheOverlayToBeBuiltByTheNextArticleMatched() {
        SubscriptionIndex index = SubscriptionIndex.of(List.of(keyword("a", "疫情")));
        for (int i = 0; i < 100; i++) {
            index = index.with(keyword("s" + i, i % 2 == 0 ? "乡村振兴" : "海南"));
        }

        assertThat(index.overlayBuilt()).as("a hundred changes, no article yet").isFalse();
        assertThat(ids(index)).hasSize(51).contains("a", "s0", "s98");
        assertThat(index.overlayBuilt()).isTrue();
        assertThat(ids(index.without("s0"))).hasSize(50).doesNotContain("s0");
    }

    @Test
    void addingAnIdAgainReplacesWhatItAskedFor() {
        SubscriptionIndex index = SubscriptionIndex.of(List.of(keyword("a", "疫情"))).with(keyword("a", "海南"));

        assertThat(ids(index)).isEmpty();
        assertThat(index.size()).isEqualTo(1);
        assertThat(ids(index.with(keyword("a", "乡村振兴")))).containsExactly("a");
    }

    @Test
    void aRemovedSubscriptionNoLongerMatchesWhereverItWasKept() {
        SubscriptionIndex index = SubscriptionIndex.of(List.of(keyword("base", "疫情"))).with(keyword("overlay", "疫情"));

        SubscriptionIndex removed = index.without("base").without("overlay");

        assertThat(ids(removed)).isEmpty();
        assertThat(removed.size()).isZero();
        assertThat(removed.contains("base")).isFalse();
        assertThat(index.without("never there")).isSameAs(index);
    }

    @Test
    void aRemovedSubscriptionCanComeBack() {
        SubscriptionIndex index = SubscriptionIndex.of(List.of(keyword("a", "疫情"))).without("a").with(keyword("a", "疫情"));

        assertThat(ids(index)).containsExactly("a");
        assertThat(ids(index.compacted())).containsExactly("a");
    }

    @Test
    void changesBeyondTheOverlayLimitAreFoldedIntoTheBase() {
        SubscriptionIndex index = SubscriptionIndex.empty();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i <= SubscriptionIndex.MIN_OVERLAY; i++) {
            index = index.with(keyword("s" + i, "疫情"));
            expected.add("s" + i);
        }

        assertThat(index.pending()).isLessThanOrEqualTo(SubscriptionIndex.MIN_OVERLAY);
        assertThat(ids(index)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void compactingKeepsWhatEachSubscriptionAsksFor() {
        SubscriptionIndex index = SubscriptionIndex.of(List.of(
                        new SubscriptionCriteria("all", Set.of("要闻"), Set.of("某单位"), List.of("ＣＯＶＩＤ", "疫情"), "防控 -广告")))
                .with(new SubscriptionCriteria("other", Set.of("通知"), Set.of(), List.of(), null))
                .compacted();

        assertThat(index.pending()).isZero();
        assertThat(index.match(ARTICLE)).containsExactly(new SubscriptionMatch("all", "要闻", "某单位", "疫情", "防控 -广告"));
    }

    private static SubscriptionCriteria keyword(String id, String keyword) {
        return new SubscriptionCriteria(id, Set.of(), Set.of(), List.of(keyword), null);
    }

    private static List<String> ids(SubscriptionIndex index) {
        return index.match(ARTICLE).stream().map(SubscriptionMatch::subscriptionId).toList();
    }
}
