package dev.herald.notification.matching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random subscriptions and articles, drawn from a small vocabulary full of the cases the keyword
 * rule is about, so that most articles match many subscriptions and many nearly match: the index must
 * answer exactly what checking every subscription answers, also after a run of changes.
 */
class IndexAgreesWithNaiveLoopTest {

    private static final List<String> WORDS = List.of("海南", "上海", "南京", "南京路", "海南省", "中医", "中医药", "医院",
            "疫情", "防控", "疫情防控", "主题党日", "红色基因", "纪念馆", "乡村振兴", "党建", "党员", "胡海莺", "海", "中",
            "ai", "5g", "covid-19", "said", "网络", "活动", "志愿服务", "南宁市", "卫生健康", "国家", "电网", "家电");
    private static final List<String> FILLER = List.of("开展", "组织", "游览", "走进", "推进", "，", "。", " ", "的", "在",
            "工作", "同志", "步行街", "市", "省", "Hello", "—");
    private static final List<String> CHANNELS = List.of("要闻", "党建动态", "卫生健康", "基层动态", "通知公告");
    private static final List<String> UNITS = List.of("南宁市中医医院党委", "海南省卫生健康委员会", "上海市黄浦区", "朝阳区卫健委",
            "贵州将军山医院", "某县融媒体中心", "乡村振兴局", "团市委");

    @Test
    void theIndexFindsExactlyWhatTheLoopOverEverySubscriptionFinds() {
        Random random = new Random(20261120L);
        List<SubscriptionCriteria> subscriptions = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            subscriptions.add(subscription("sub-" + i, random));
        }
        List<ArticleText> articles = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            articles.add(article(random));
        }

        int matched = agree(SubscriptionIndex.of(subscriptions), new NaiveMatcher(subscriptions), articles);

        // a vacuous agreement (nothing ever matches) would prove nothing
        assertThat(matched).isGreaterThan(articles.size() * 20);
    }

    @Test
    void theyStillAgreeAfterSubscriptionsAreAddedReplacedAndRemovedOneByOne() {
        Random random = new Random(7L);
        Map<String, SubscriptionCriteria> live = new LinkedHashMap<>();
        for (int i = 0; i < 1_000; i++) {
            live.put("sub-" + i, subscription("sub-" + i, random));
        }
        SubscriptionIndex index = SubscriptionIndex.of(live.values());
        // enough changes to pass through the overlay into a compacted base at least once
        for (int change = 0; change < 700; change++) {
            String id = "sub-" + random.nextInt(1_300);
            if (random.nextInt(3) == 0) {
                live.remove(id);
                index = index.without(id);
            } else {
                SubscriptionCriteria criteria = subscription(id, random);
                live.put(id, criteria);
                index = index.with(criteria);
            }
        }
        List<ArticleText> articles = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            articles.add(article(random));
        }

        assertThat(index.size()).isEqualTo(live.size());
        agree(index, new NaiveMatcher(live.values()), articles);
        agree(index.compacted(), new NaiveMatcher(live.values()), articles);
    }

    private static int agree(SubscriptionIndex index, NaiveMatcher naive, List<ArticleText> articles) {
        int matched = 0;
        for (ArticleText article : articles) {
            List<SubscriptionMatch> expected = sorted(naive.match(article));
            assertThat(sorted(index.match(article))).as("matches for %s", article).isEqualTo(expected);
            matched += expected.size();
        }
        return matched;
    }

    private static List<SubscriptionMatch> sorted(List<SubscriptionMatch> matches) {
        return matches.stream().sorted(Comparator.comparing(SubscriptionMatch::subscriptionId)).toList();
    }

    private static SubscriptionCriteria subscription(String id, Random random) {
        while (true) {
            Set<String> channels = random.nextInt(4) == 0 ? some(CHANNELS, 1 + random.nextInt(2), random) : Set.of();
            Set<String> units = random.nextInt(6) == 0 ? some(UNITS, 1 + random.nextInt(2), random) : Set.of();
            List<String> keywords = random.nextInt(3) > 0
                    ? List.copyOf(some(WORDS, 1 + random.nextInt(4), random)).stream().map(k -> disguise(k, random)).toList()
                    : List.of();
            String query = random.nextInt(5) == 0 ? query(random) : null;
            try {
                return new SubscriptionCriteria(id, channels, units, keywords, query);
            } catch (IllegalArgumentException nothingSelects) {
                // drawn without any criterion that selects: draw again
            }
        }
    }

    private static String query(Random random) {
        StringBuilder query = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            if (random.nextInt(4) == 0) {
                query.append('-');
            }
            query.append(random.nextInt(3) == 0 ? "\"" + word + "\"" : word).append(' ');
        }
        return query.toString();
    }

    private static ArticleText article(Random random) {
        StringBuilder body = new StringBuilder();
        int pieces = 40 + random.nextInt(120);
        for (int i = 0; i < pieces; i++) {
            List<String> from = random.nextInt(3) == 0 ? WORDS : FILLER;
            body.append(from.get(random.nextInt(from.size())));
        }
        String title = WORDS.get(random.nextInt(WORDS.size())) + FILLER.get(random.nextInt(FILLER.size()));
        return new ArticleText(random.nextInt(10) == 0 ? null : CHANNELS.get(random.nextInt(CHANNELS.size())),
                UNITS.get(random.nextInt(UNITS.size())), disguise(title, random),
                random.nextBoolean() ? null : WORDS.get(random.nextInt(WORDS.size())), body.toString());
    }

    /** Now and then in full-width capitals, as people type them. */
    private static String disguise(String text, Random random) {
        if (random.nextInt(6) > 0) {
            return text;
        }
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'Ａ') : (char) c));
        return wide.toString();
    }

    private static Set<String> some(List<String> from, int count, Random random) {
        Set<String> chosen = new HashSet<>();
        while (chosen.size() < count) {
            chosen.add(from.get(random.nextInt(from.size())));
        }
        return chosen;
    }
}
