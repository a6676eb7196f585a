package dev.herald.support.deadletter;

import dev.herald.support.security.AccessRules;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaExtendedBindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Dead letters in every service that consumes with a dead-letter topic: recorded from those topics,
 * counted, and replayed or discarded by an administrator through {@code /api/admin/dead-letters}.
 */
@AutoConfiguration(afterName = {
        "dev.herald.support.HeraldSupportAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.cloud.stream.config.BindingServiceConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration"},
        // its access rule must be in the list the Herald filter chain is built from
        beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnClass({KafkaExtendedBindingProperties.class, ConcurrentMessageListenerContainer.class, MongoTemplate.class,
        MeterRegistry.class})
@ConditionalOnBean({BindingServiceProperties.class, MongoTemplate.class, MeterRegistry.class})
@ConditionalOnProperty(prefix = "herald.dead-letters", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetterSources deadLetterSources(BindingServiceProperties bindings, ApplicationContext context,
                                        ObjectProvider<ConfigurationPropertiesBindHandlerAdvisor> advisors) {
        // the binder keeps its own copy of these in a context of its own; the same settings read here agree with it
        KafkaExtendedBindingProperties kafka = new KafkaExtendedBindingProperties();
        kafka.setApplicationContext(context);
        // producer settings hold SpEL (message-key-expression), which the binder's context converts and this one must too
        var conversion = new ApplicationConversionService();
        conversion.addConverter(String.class, Expression.class, new SpelExpressionParser()::parseExpression);
        // the binder's advisor lays spring.cloud.stream.kafka.default under each binding, as the binder itself sees it
        BindHandler handler = BindHandler.DEFAULT;
        for (ConfigurationPropertiesBindHandlerAdvisor advisor : advisors.orderedStream().toList()) {
            handler = advisor.apply(handler);
        }
        new Binder(ConfigurationPropertySources.get(context.getEnvironment()),
                new PropertySourcesPlaceholdersResolver(context.getEnvironment()), conversion)
                .bind("spring.cloud.stream.kafka", Bindable.ofInstance(kafka), handler);
        return DeadLetterSources.of(bindings, kafka);
    }

    @Bean
    DeadLetterStore deadLetterStore(MongoTemplate mongo) {
        return new DeadLetterStore(mongo);
    }

    @Bean
    DeadLetterDepth deadLetterDepth(DeadLetterStore store, DeadLetterSources sources, MeterRegistry meters,
                                    DeadLetterProperties properties) {
        return new DeadLetterDepth(store, sources, meters, properties.depthInterval());
    }

    @Bean
    DeadLetterRecorder deadLetterRecorder(DeadLetterSources sources, DeadLetterStore store, DeadLetterDepth depth,
                                          DeadLetterProperties properties, Environment environment,
                                          ObjectProvider<KafkaProperties> kafkaProperties,
                                          ObjectProvider<KafkaConnectionDetails> connectionDetails, Clock clock) {
        var binder = new KafkaBinderConfigurationProperties(kafkaProperties.getIfAvailable(KafkaProperties::new), connectionDetails);
        Binder.get(environment).bind("spring.cloud.stream.kafka.binder", Bindable.ofInstance(binder));
        Map<String, Object> kafka = new HashMap<>(binder.mergedConsumerConfiguration());
        kafka.putIfAbsent(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, binder.getKafkaConnectionString());
        String group = properties.groupOr(environment.getProperty("spring.application.name", "herald"));
        return new DeadLetterRecorder(kafka, group, sources, store, depth, properties, clock);
    }

    @Bean
    DeadLetters deadLetters(DeadLetterStore store, BeanFactory beans, DeadLetterDepth depth, DeadLetterProperties properties,
                            Clock clock) {
        return new DeadLetters(store, new DeadLetterHandlers(beans), depth, properties.replayLease(), clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        DeadLetterController deadLetterController(DeadLetters deadLetters, DeadLetterStore store) {
            return new DeadLetterController(deadLetters, store);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken")
    static class Access {

        /** Dead letters hold other people's reports and the services' stack traces: administrators only. */
        @Bean
        AccessRules deadLetterAccess() {
            return rules -> rules
                    .requestMatchers(HttpMethod.GET, DeadLetterController.PATH, DeadLetterController.PATH + "/*").hasRole("ADMIN")
                    .requestMatchers(HttpMethod.POST, DeadLetterController.PATH + "/replay", DeadLetterController.PATH + "/*/replay")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.DELETE, DeadLetterController.PATH + "/*").hasRole("ADMIN");
        }
    }
}
