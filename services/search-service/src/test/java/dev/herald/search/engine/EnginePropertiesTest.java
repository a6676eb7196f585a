package dev.herald.search.engine;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnginePropertiesTest {

    @Test
    void theEmbeddedIndexIsTheDefaultAndAnEngineIsTwoShardsWithOneReplicaOnLocalhost() {
        EngineProperties properties = bind(Map.of());

        assertThat(properties.backend()).isEqualTo(EngineProperties.Backend.EMBEDDED);
        assertThat(properties.engine().hosts()).containsExactly("http://127.0.0.1:9200");
        assertThat(properties.engine().alias()).isEqualTo("herald-articles");
        assertThat(properties.engine().shards()).isEqualTo(2);
        assertThat(properties.engine().replicas()).isEqualTo(1);
        assertThat(properties.engine().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void environmentVariablesChooseTheEngineAndItsNodes() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "HERALD_SEARCH_BACKEND", "opensearch",
                "HERALD_SEARCH_ENGINE_HOSTS", "http://search-1:9200,http://search-2:9200",
                "HERALD_SEARCH_ENGINE_REPLICAS", "0")));
        ConfigurationPropertySources.attach(environment);

        EngineProperties properties = Binder.get(environment).bindOrCreate("herald.search", EngineProperties.class);

        assertThat(properties.backend()).isEqualTo(EngineProperties.Backend.OPENSEARCH);
        assertThat(properties.engine().hosts()).containsExactly("http://search-1:9200", "http://search-2:9200");
        // zero replicas is a choice, not a missing setting
        assertThat(properties.engine().replicas()).isZero();
    }

    private static EngineProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("herald.search", EngineProperties.class);
    }
}
