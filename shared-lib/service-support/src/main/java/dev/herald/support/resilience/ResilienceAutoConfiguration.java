package dev.herald.support.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Timeouts, write concern and consumer retries, for every service that has this jar. */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(ResilienceProperties.class)
public class ResilienceAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoClientSettingsBuilderCustomizer.class)
    static class Store {

        @Bean
        StoreSettings heraldStoreSettings(ResilienceProperties properties) {
            return new StoreSettings(properties.store());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
    static class Broker {

        @Bean
        BrokerTimeouts heraldBrokerTimeouts(ResilienceProperties properties) {
            return new BrokerTimeouts(properties.broker());
        }

        @Bean
        DeadLetterPublisher heraldDeadLetterPublisher(BrokerTimeouts timeouts) {
            return new DeadLetterPublisher(timeouts);
        }

        /** The binder takes a single container customizer: a service that brings its own replaces this one. */
        @Bean
        @ConditionalOnMissingBean(ListenerContainerCustomizer.class)
        RetryOrDeadLetter heraldRetryOrDeadLetter(ResilienceProperties properties, DeadLetterPublisher deadLetters, MeterRegistry meters) {
            return new RetryOrDeadLetter(properties.retry(), deadLetters, meters);
        }
    }
}
