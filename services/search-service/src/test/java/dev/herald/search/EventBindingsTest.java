package dev.herald.search;

import dev.herald.infra.embedded.EventBindings;
import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Configured like the search tests, so it runs in their context and costs no start of its own. */
@SpringBootTest(properties = "herald.search.index-path=${java.io.tmpdir}/search-index-test-${random.uuid}")
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
