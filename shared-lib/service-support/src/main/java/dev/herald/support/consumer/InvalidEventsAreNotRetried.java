package dev.herald.support.consumer;

import dev.herald.support.events.InvalidEventException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;

import java.util.HashMap;
import java.util.Map;

/**
 * Marks {@link InvalidEventException} as not retryable on every consumer binding: an event that breaks
 * its contract breaks it on every attempt, so it goes to the dead-letter topic at once instead of
 * holding its partition through the back-off. (The binding's retryable-exceptions map cannot name a
 * class in YAML: its keys are bound as property names, which may not contain capitals.)
 */
public class InvalidEventsAreNotRetried implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof BindingServiceProperties properties) {
            properties.getBindings().values().stream()
                    .map(binding -> binding.getConsumer())
                    .filter(consumer -> consumer != null)
                    .forEach(InvalidEventsAreNotRetried::notRetryable);
        }
        return bean;
    }

    private static void notRetryable(ConsumerProperties consumer) {
        Map<Class<? extends Throwable>, Boolean> retryable = new HashMap<>(consumer.getRetryableExceptions());
        retryable.put(InvalidEventException.class, false);
        consumer.setRetryableExceptions(retryable);
    }
}
