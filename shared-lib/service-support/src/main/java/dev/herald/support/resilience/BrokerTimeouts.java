package dev.herald.support.resilience;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.cloud.stream.binder.kafka.support.ProducerConfigCustomizer;

import java.util.Map;

/**
 * Bounds how long a send may hang on an absent broker: the outbox relay's synchronous send then fails within
 * seconds and leaves its event pending, instead of holding the relay for the client's minutes-long defaults.
 * Applies to every producer the binder creates, and to the dead-letter producer.
 */
public class BrokerTimeouts implements ProducerConfigCustomizer {

    private final ResilienceProperties.Broker broker;

    public BrokerTimeouts(ResilienceProperties.Broker broker) {
        this.broker = broker;
    }

    @Override
    public void configure(Map<String, Object> producerProperties, String bindingName, String destination) {
        producerProperties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, broker.maxBlock().toMillis());
        producerProperties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.toIntExact(broker.requestTimeout().toMillis()));
        producerProperties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(broker.deliveryTimeout().toMillis()));
    }
}
