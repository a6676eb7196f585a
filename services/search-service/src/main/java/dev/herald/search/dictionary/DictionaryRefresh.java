package dev.herald.search.dictionary;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;

/** Picks up a dictionary saved through another instance; this instance's own saves apply at once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DictionaryProperties.class)
class DictionaryRefresh implements SchedulingConfigurer {

    private final DictionaryService dictionary;
    private final Duration interval;

    DictionaryRefresh(DictionaryService dictionary, DictionaryProperties properties) {
        this.dictionary = dictionary;
        this.interval = properties.dictionaryRefreshInterval();
    }

    /** The first look one interval after start, which read the dictionary already. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(dictionary::refresh, interval, interval));
    }
}
