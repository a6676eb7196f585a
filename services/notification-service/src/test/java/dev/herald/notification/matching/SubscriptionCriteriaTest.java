package dev.herald.notification.matching;

import dev.herald.text.InvalidSearchException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionCriteriaTest {

    @Test
    void anyOneCriterionIsEnough() {
        assertThat(new SubscriptionCriteria("c", Set.of("要闻"), null, null, null).channels()).containsExactly("要闻");
        assertThat(new SubscriptionCriteria("u", null, Set.of("某单位"), null, null).units()).containsExactly("某单位");
        assertThat(new SubscriptionCriteria("k", null, null, List.of("疫情"), null).keywords()).containsExactly("疫情");
        assertThat(new SubscriptionCriteria("q", null, null, null, " 疫情 -广告 ").savedQuery()).isEqualTo("疫情 -广告");
    }

    @Test
    void withoutAnythingThatSelectsArticlesThereIsNoSubscription() {
        assertThatThrownBy(() -> new SubscriptionCriteria("none", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none");
        assertThatThrownBy(() -> new SubscriptionCriteria("blank", Set.of(" "), Set.of(), Arrays.asList(" ", "\u200B", null), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSavedQueryThatOnlyExcludesCannotStandAloneButMayNarrowAnotherCriterion() {
        assertThatThrownBy(() -> new SubscriptionCriteria("q", null, null, null, "-广告"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SubscriptionCriteria("q", Set.of("要闻"), null, null, "-广告").savedQuery()).isEqualTo("-广告");
    }

    @Test
    void aSavedQueryThatCannotBeReadIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new SubscriptionCriteria("q", null, null, null, "疫情 \"防控"))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("quote that is not closed");
    }

    @Test
    void anIdIsNeeded() {
        assertThatThrownBy(() -> new SubscriptionCriteria(" ", Set.of("要闻"), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
