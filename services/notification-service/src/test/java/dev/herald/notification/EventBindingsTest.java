package dev.herald.notification;

import dev.herald.infra.embedded.EventBindings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs in the component tests' context, so it costs no start of its own. */
class EventBindingsTest extends ComponentTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void everyEventConsumerIsBoundToItsTopicWithADeadLetterTopicAndEveryBindingHasItsConsumer() {
        assertThat(EventBindings.mismatches(context)).isEmpty();
    }
}
