package dev.herald.ingest;

import dev.herald.infra.embedded.EventBindings;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Configured like the service's other component tests, so it runs in their context and costs no start of its own. */
@SpringBootTest
@AutoConfigureMockMvc
@UsesEmbeddedInfrastructure
class EventBindingsTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void everyEventConsumerIsBoundToItsTopicWithADeadLetterTopicAndEveryBindingHasItsConsumer() {
        assertThat(EventBindings.mismatches(context)).isEmpty();
    }
}
