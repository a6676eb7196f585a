package dev.herald.support;

import dev.herald.support.consumer.EventHandlers;
import dev.herald.support.consumer.InvalidEventsAreNotRetried;
import dev.herald.support.consumer.IdempotentConsumer;
import dev.herald.support.events.EventCodec;
import dev.herald.support.events.EventsProperties;
import dev.herald.support.json.OperatorKeyGuard;
import dev.herald.support.outbox.Outbox;
import dev.herald.support.outbox.OutboxProperties;
import dev.herald.support.outbox.OutboxRelay;
import dev.herald.support.outbox.OutboxSaveListener;
import dev.herald.support.tracing.TraceContexts;
import dev.herald.support.web.ProblemDetailsAdvice;
import dev.herald.support.web.RateLimitFilter;
import dev.herald.support.web.RateLimitProperties;
import dev.herald.support.web.RequestSizeLimitFilter;
import dev.herald.support.web.RequestSizeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import java.time.Clock;

/**
 * Wires the platform helpers into every service that has this jar, once, so no service carries its
 * own copy of outbox, idempotency or error-handling configuration.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration"},
        // our filter chain must exist before Boot decides whether to add its default ones
        beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        // and our error controller before Boot decides whether to add its own
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@EnableConfigurationProperties({EventsProperties.class, OutboxProperties.class, RateLimitProperties.class, RequestSizeProperties.class})
public class HeraldSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every service refuses to run in production on a secret anyone can read in this repository. */
    @Bean
    dev.herald.support.secrets.CommittedSecretsCheck committedSecretsCheck(org.springframework.core.env.ConfigurableEnvironment environment) {
        return new dev.herald.support.secrets.CommittedSecretsCheck(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(JsonMapper json, EventsProperties properties) {
        return new EventCodec(json, properties.maxBytes());
    }

    /** Tracing is on in every service (off only by management.tracing.enabled=false): the no-op tracer then. */
    @Bean
    @ConditionalOnMissingBean
    TraceContexts traceContexts(ObjectProvider<io.micrometer.tracing.Tracer> tracer,
                                ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
        return new TraceContexts(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(EventCodec codec, TraceContexts traces) {
        return new Outbox(codec, traces);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JsonMapperBuilderCustomizer.class)
    static class Json {

        @Bean
        JsonMapperBuilderCustomizer strictJson() {
            // a number or boolean where text belongs is a client's mistake, not something to quietly turn into "42"
            // and a field given twice is ambiguous: another reader of the same body may take the other value
            return builder -> builder.addHandler(new OperatorKeyGuard())
                    .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .withCoercionConfig(LogicalType.Textual, config -> config
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MongoTemplate.class, StreamBridge.class})
    static class Messaging {

        @Bean
        @ConditionalOnBean({MongoTemplate.class, StreamBridge.class})
        @ConditionalOnMissingBean
        OutboxRelay outboxRelay(MongoTemplate mongo, StreamBridge bridge, OutboxProperties properties, MeterRegistry meters,
                                TraceContexts traces) {
            // the topic doubles as the output binding's name; each service configures it in application.yml
            return new OutboxRelay(mongo, bridge::send, properties, meters, Clock.systemUTC(), traces);
        }

        @Bean
        @ConditionalOnBean(OutboxRelay.class)
        OutboxSaveListener outboxSaveListener(OutboxRelay relay) {
            return new OutboxSaveListener(relay);
        }

        @Bean
        @ConditionalOnBean(MongoTemplate.class)
        @ConditionalOnMissingBean
        IdempotentConsumer idempotentConsumer(MongoTemplate mongo, MeterRegistry meters, Clock clock) {
            return new IdempotentConsumer(mongo, meters, clock);
        }

        @Bean
        @ConditionalOnBean(IdempotentConsumer.class)
        @ConditionalOnMissingBean
        EventHandlers eventHandlers(EventCodec codec, IdempotentConsumer once, MeterRegistry meters, TraceContexts traces) {
            return new EventHandlers(codec, once, meters, traces);
        }

        @Bean
        static InvalidEventsAreNotRetried invalidEventsAreNotRetried() {
            return new InvalidEventsAreNotRetried();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Health {

        @Bean
        @ConditionalOnBean(MongoTemplate.class)
        dev.herald.support.health.MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
            return new dev.herald.support.health.MongoPingHealthIndicator(mongo);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken")
    @EnableConfigurationProperties(dev.herald.support.security.TokenProperties.class)
    static class Security {

        @Bean
        org.springframework.security.web.SecurityFilterChain heraldSecurityFilterChain(
                org.springframework.security.config.annotation.web.builders.HttpSecurity http,
                java.util.List<dev.herald.support.security.AccessRules> rules,
                org.springframework.beans.factory.ObjectProvider<RateLimitFilter> rateLimit) throws Exception {
            return dev.herald.support.security.HeraldSecurity.filterChain(http, rules, rateLimit.getIfAvailable());
        }

        // Boot's JWT decoder adds every validator bean to its own (signature, issuer); a timestamp validator
        // here takes the place of its default one-minute allowance
        @Bean
        org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt> heraldTokenTimestamps(
                dev.herald.support.security.TokenProperties token) {
            return new org.springframework.security.oauth2.jwt.JwtTimestampValidator(token.clockSkew());
        }

        @Bean
        org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt> heraldTokenAudience(
                dev.herald.support.security.TokenProperties token) {
            return new org.springframework.security.oauth2.jwt.JwtClaimValidator<java.util.List<String>>("aud",
                    audiences -> audiences != null && audiences.contains(token.audience()));
        }

        @Bean
        org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt> heraldTokenActsFor() {
            return new dev.herald.support.security.ActsForClaims();
        }

        /** Boot's decoder, wrapped so a token it accepted is not checked against its signature at every request. */
        @Bean
        static org.springframework.beans.factory.config.BeanPostProcessor heraldRememberedTokens(
                ObjectProvider<dev.herald.support.security.TokenProperties> token, ObjectProvider<Clock> clock) {
            return new org.springframework.beans.factory.config.BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof org.springframework.security.oauth2.jwt.JwtDecoder decoder
                            && !(bean instanceof dev.herald.support.security.RememberedTokens)) {
                        var settings = token.getObject();
                        return new dev.herald.support.security.RememberedTokens(decoder, settings.remembered(),
                                settings.clockSkew(), clock.getIfAvailable(Clock::systemUTC));
                    }
                    return bean;
                }
            };
        }

        /**
         * Spring Security's own default: authentication and authorization observed (spans in a request's trace),
         * not each filter of the chain, whose observations were a tenth of a request's CPU in moderation.
         */
        @Bean
        @ConditionalOnMissingBean
        org.springframework.security.config.observation.SecurityObservationSettings heraldSecurityObservations() {
            return org.springframework.security.config.observation.SecurityObservationSettings.withDefaults().build();
        }

        @Bean
        dev.herald.support.security.SecurityRefusalAdvice securityRefusalAdvice() {
            return new dev.herald.support.security.SecurityRefusalAdvice();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.TomcatContextCustomizer")
    static class Tomcat {

        @Bean
        org.springframework.boot.tomcat.TomcatContextCustomizer tomcatProblemReports() {
            return new dev.herald.support.web.TomcatProblemReports();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        ProblemDetailsAdvice problemDetailsAdvice() {
            return new ProblemDetailsAdvice();
        }

        @Bean
        @ConditionalOnProperty(prefix = "herald.rate-limits", name = "enabled", matchIfMissing = true)
        RateLimitFilter rateLimitFilter(RateLimitProperties limits, ObjectProvider<RateLimitProperties.Endpoint> endpoints, Clock clock) {
            return new RateLimitFilter(limits, endpoints.orderedStream().toList(), clock);
        }

        /** With security on, the limiter runs inside its chain, after authentication, to know the caller. */
        @Bean
        @ConditionalOnBean(RateLimitFilter.class)
        FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
            var registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
            registration.setEnabled(!org.springframework.util.ClassUtils.isPresent(
                    "org.springframework.security.web.SecurityFilterChain", getClass().getClassLoader()));
            return registration;
        }

        @Bean
        @ConditionalOnMissingBean(org.springframework.boot.webmvc.error.ErrorController.class)
        dev.herald.support.web.ProblemErrorController problemErrorController() {
            return new dev.herald.support.web.ProblemErrorController();
        }

        /** First of all filters: a query string nobody can decode is refused before any code reads it. */
        @Bean
        FilterRegistrationBean<dev.herald.support.web.MalformedQueryFilter> malformedQueryFilter() {
            var registration = new FilterRegistrationBean<>(new dev.herald.support.web.MalformedQueryFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        /** The configured path limits first, so an operator can override the limit a feature declares for its path. */
        @Bean
        FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
                RequestSizeProperties limits, ObjectProvider<RequestSizeProperties.PathLimit> featureLimits) {
            var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits, featureLimits.orderedStream().toList()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
