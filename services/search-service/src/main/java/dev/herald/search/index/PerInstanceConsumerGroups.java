package dev.herald.search.index;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;

/**
 * Makes the group of every consumer binding this instance's own ({@code search-service-<instance id>}),
 * so that each instance indexes every article rather than the partitions a shared group would assign it.
 * The dead-letter topics stay one per source topic (their names are set explicitly), whichever instance
 * dead-letters an event.
 */
class PerInstanceConsumerGroups implements BeanPostProcessor {

    private final SearchInstance instance;

    PerInstanceConsumerGroups(SearchInstance instance) {
        this.instance = instance;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof BindingServiceProperties properties) {
            for (BindingProperties binding : properties.getBindings().values()) {
                if (binding.getGroup() != null) {
                    binding.setGroup(instance.group(binding.getGroup()));
                }
            }
        }
        return bean;
    }
}
