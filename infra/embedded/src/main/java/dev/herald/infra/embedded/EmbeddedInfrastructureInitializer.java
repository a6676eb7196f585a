package dev.herald.infra.embedded;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;
import java.util.UUID;

/**
 * Points a Spring test context at the JVM's shared embedded broker and store, with a database of its
 * own so that contexts never see each other's documents.
 */
public class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = context.getEnvironment().getProperty("spring.application.name", "herald");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("herald-embedded-infrastructure", Map.of(
                "spring.cloud.stream.kafka.binder.brokers", TestInfrastructure.kafka().bootstrapServers(),
                "spring.mongodb.uri", TestInfrastructure.mongo().connectionString(),
                "spring.mongodb.database", name + "-test-" + UUID.randomUUID())));
    }
}
