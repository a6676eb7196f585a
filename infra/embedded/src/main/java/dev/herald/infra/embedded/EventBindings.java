package dev.herald.infra.embedded;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.MethodMetadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The convention a service's event consumers follow, checked against its running context: each consumer bean
 * is named in {@code spring.cloud.function.definition} and has an input binding {@code <bean>-in-0} that
 * states its destination, group and dead-letter topic; and each function named and each input binding
 * configured belongs to a consumer bean. A consumer nobody bound never reads its topic, and a binding
 * without its bean fails only when the service starts against a broker, so both are caught here.
 */
public final class EventBindings {

    private static final Pattern INPUT_BINDING = Pattern.compile("(.+)-in-\\d+");

    record Binding(String destination, String group) {
    }

    record KafkaBinding(KafkaConsumer consumer) {
    }

    record KafkaConsumer(String dlqName) {
    }

    private EventBindings() {
    }

    /** What breaks the convention, one sentence each; empty when every consumer and binding match. */
    public static List<String> mismatches(ConfigurableApplicationContext context) {
        Set<String> consumers = consumerBeans(context);
        Binder binder = Binder.get(context.getEnvironment());
        Set<String> functions = Arrays.stream(context.getEnvironment().getProperty("spring.cloud.function.definition", "")
                .split("[;,]")).map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Binding> bindings = binder.bind("spring.cloud.stream.bindings", Bindable.mapOf(String.class, Binding.class))
                .orElse(Map.of());
        Map<String, KafkaBinding> kafka = binder.bind("spring.cloud.stream.kafka.bindings", Bindable.mapOf(String.class, KafkaBinding.class))
                .orElse(Map.of());

        List<String> mismatches = new ArrayList<>();
        for (String consumer : consumers) {
            String input = consumer + "-in-0";
            Binding binding = bindings.get(input);
            KafkaBinding dlq = kafka.get(input);
            if (!functions.contains(consumer)) {
                mismatches.add("consumer " + consumer + " is not in spring.cloud.function.definition");
            }
            if (binding == null || blank(binding.destination()) || blank(binding.group())) {
                mismatches.add("consumer " + consumer + " has no binding " + input + " with a destination and a group");
            }
            if (dlq == null || dlq.consumer() == null || blank(dlq.consumer().dlqName())) {
                mismatches.add("consumer " + consumer + " names no dead-letter topic (spring.cloud.stream.kafka.bindings."
                        + input + ".consumer.dlq-name)");
            }
        }
        for (String function : functions) {
            if (!consumers.contains(function)) {
                mismatches.add("spring.cloud.function.definition names " + function + ", which is no consumer bean");
            }
        }
        for (String name : bindings.keySet()) {
            Matcher input = INPUT_BINDING.matcher(name);
            if (input.matches() && !consumers.contains(input.group(1))) {
                mismatches.add("binding " + name + " has no consumer bean " + input.group(1));
            }
        }
        return mismatches;
    }

    /** The service's own consumers: beans of type {@link Consumer} made by a Herald class, not the frameworks'. */
    private static Set<String> consumerBeans(ConfigurableApplicationContext context) {
        Set<String> found = new TreeSet<>();
        for (String name : context.getBeanNamesForType(Consumer.class, false, false)) {
            if (context.getBeanFactory().containsBeanDefinition(name)
                    && declaringClass(context.getBeanFactory().getBeanDefinition(name)).startsWith("dev.herald.")) {
                found.add(name);
            }
        }
        return found;
    }

    private static String declaringClass(BeanDefinition definition) {
        if (definition instanceof AnnotatedBeanDefinition annotated) {
            MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
            if (factoryMethod != null) {
                return factoryMethod.getDeclaringClassName();
            }
        }
        return definition.getBeanClassName() == null ? "" : definition.getBeanClassName();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
