package dev.herald.support.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.function.BiFunction;

/**
 * Takes retries and dead-lettering out of the binding and gives them to the listener container, which can
 * wait without blocking its consumer: between attempts the container is paused and keeps polling, so it stays
 * in its group however long the wait. A transient failure ({@link TransientFailures}) is retried with a capped
 * exponential back-off until the infrastructure is back, and never dead-lettered. Any other failure gets the
 * binding's few attempts ({@code max-attempts}, {@code back-off-*}) and then goes to the binding's dead-letter
 * topic, on the partition it came from; a failure the binding marks not retryable goes there at once.
 */
public class RetryOrDeadLetter implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private final ResilienceProperties.Retry retry;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry meters;
    private final ThreadPoolTaskScheduler resumer = new ThreadPoolTaskScheduler();

    public RetryOrDeadLetter(ResilienceProperties.Retry retry, DeadLetterPublisher deadLetters, MeterRegistry meters) {
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.meters = meters;
        resumer.setThreadNamePrefix("herald-consumer-resume-");
        resumer.setDaemon(true);
        resumer.initialize();
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
                          ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        var handler = new DefaultErrorHandler(
                dlqDestinationResolver == null ? null : deadLetters.recoverer(destinationName, dlqDestinationResolver),
                backOff == null ? new FixedBackOff(0, 0) : backOff,
                new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, resumer)));
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? untilBack() : null);
        if (properties != null) {
            properties.getRetryableExceptions().forEach((type, retryable) -> classify(handler, type, retryable));
        }
        // a dead letter is settled: committing it at once spares a second copy after a restart
        handler.setCommitRecovered(true);
        handler.setRetryListeners(new Counting(meters, destinationName, group, dlqDestinationResolver != null));
        container.setCommonErrorHandler(handler);
    }

    private BackOff untilBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialBackOff().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxBackOff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    @SuppressWarnings("unchecked")
    private static void classify(DefaultErrorHandler handler, Class<? extends Throwable> type, boolean retryable) {
        if (!Exception.class.isAssignableFrom(type)) {
            return;
        }
        if (retryable) {
            handler.addRetryableExceptions((Class<? extends Exception>) type);
        } else {
            handler.addNotRetryableExceptions((Class<? extends Exception>) type);
        }
    }

    @Override
    public void destroy() {
        resumer.shutdown();
    }

    /** Makes waiting on the infrastructure, and what ends in the dead-letter topic, visible per binding. */
    private record Counting(MeterRegistry meters, String destination, String group, boolean deadLettered) implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
            meters.counter("herald.events.failed-attempts", "destination", destination, "group", group,
                    "transient", String.valueOf(TransientFailures.isTransient(failure))).increment();
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
            meters.counter("herald.events.given-up", "destination", destination, "group", group,
                    "dead-lettered", String.valueOf(deadLettered)).increment();
        }
    }
}
