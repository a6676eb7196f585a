package dev.herald.support;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Adds the settings every Herald service shares (actuator exposure, binder defaults, problem details)
 * as the lowest-precedence defaults, so each service's application.yml holds only what is its own
 * and any of these can still be overridden by the usual properties or environment variables.
 */
public class HeraldDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "herald-service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE));
            Map<String, Object> map = new HashMap<>();
            defaults.forEach((k, v) -> map.put((String) k, v));
            DefaultPropertiesPropertySource.addOrMerge(map, environment.getPropertySources());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
