package dev.herald.support.resilience;

import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@link ConsumerApp} with one consumer, {@code rejected}, that retries three times fast and then dead-letters: the
 * one context {@link DeadLetteringTest} and {@link TracePropagationTest} share, so Spring starts it once for both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ConsumerApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=dead-lettering",
        "spring.cloud.function.definition=rejected",
        "spring.cloud.stream.bindings.rejected-in-0.destination=" + DeadLetteringTest.TOPIC,
        "spring.cloud.stream.bindings.rejected-in-0.group=dead-lettering",
        "spring.cloud.stream.bindings.rejected-in-0.consumer.max-attempts=3",
        "spring.cloud.stream.bindings.rejected-in-0.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.bindings.rejected-in-0.consumer.back-off-max-interval=100",
        "spring.cloud.stream.kafka.bindings.rejected-in-0.consumer.enable-dlq=true",
        "spring.cloud.stream.kafka.bindings.rejected-in-0.consumer.dlq-name=" + DeadLetteringTest.DLQ,
        "spring.cloud.stream.kafka.bindings.rejected-in-0.consumer.dlq-partitions=3"})
@UsesEmbeddedInfrastructure
@interface RejectingConsumerContext {
}
