package dev.herald.search.index;

import dev.herald.search.query.SearchRequest;
import dev.herald.search.query.SearchResults;
import dev.herald.search.query.SearchService;
import dev.herald.infra.embedded.KafkaTestClient;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.search.SearchServiceApplication;
import dev.herald.search.article.ArticleStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the search service, each with its own index, on one broker and one store: each
 * answers with every article, however the partitions fall, including one that started late.
 */
class TwoInstancesTest {

    static final KafkaTestClient kafka = TestInfrastructure.kafkaClient();

    @TempDir
    Path dir;

    final String database = "search-two-instances-" + UUID.randomUUID();
    final String unit = "双实例测试单位-" + UUID.randomUUID();
    final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void everyInstanceFindsEveryArticleAndARetractionLeavesThemAll() throws Exception {
        ConfigurableApplicationContext first = start("first");
        List<String> ids = new ArrayList<>(publish(6));
        awaitFound(first, ids);

        ConfigurableApplicationContext second = start("second");
        ids.addAll(publish(6));
        awaitFound(first, ids);
        awaitFound(second, ids);

        String retracted = ids.removeFirst();
        kafka.publish("article-retracted", retracted, """
                {"eventId":"%s","when":"2026-11-21T03:00:00Z","articleId":"%s","version":1,"unit":"%s",
                 "reason":"活动日期有误","moderator":"wang.fang"}""".formatted(UUID.randomUUID(), retracted, unit), Map.of());
        awaitFound(first, ids);
        awaitFound(second, ids);
        assertThat(first.getBean(ArticleStore.class).find(retracted)).isEmpty();

        assertThat(first.getBean(SearchInstance.class)).isNotEqualTo(second.getBean(SearchInstance.class));
        assertThat(Files.readString(dir.resolve("second").resolve(SearchInstance.ID_FILE)))
                .isEqualTo(second.getBean(SearchInstance.class).id());
    }

    private ConfigurableApplicationContext start(String name) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SearchServiceApplication.class).run(
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--spring.mongodb.uri=" + TestInfrastructure.mongo().connectionString(),
                "--spring.mongodb.database=" + database,
                "--herald.search.index-path=" + dir.resolve(name),
                "--server.port=0");
        instances.add(context);
        return context;
    }

    /** Enough articles that, keyed by id over three partitions, one consumer group would split them. */
    private List<String> publish(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "rpt-" + UUID.randomUUID();
            kafka.publish("article-published", id, """
                    {"eventId":"%s","when":"2026-11-20T03:00:00Z","articleId":"%s","version":1,"unit":"%s",
                     "channel":"工作动态","title":"双实例报道第%d篇","body":"两个实例各自建立索引,都应找到这篇报道。",
                     "author":"党委办公室","tags":[],"moderator":"wang.fang","publishedAt":"2026-11-20T03:00:00Z"}"""
                    .formatted(UUID.randomUUID(), id, unit, i), Map.of());
            ids.add(id);
        }
        return ids;
    }

    private void awaitFound(ConfigurableApplicationContext instance, List<String> ids) {
        SearchService search = instance.getBean(SearchService.class);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                search.search(SearchRequest.of("双实例", null, unit, null, null, null, 0, 50, null)).hits())
                .extracting(SearchResults.Hit::id).containsExactlyInAnyOrderElementsOf(ids));
    }
}
