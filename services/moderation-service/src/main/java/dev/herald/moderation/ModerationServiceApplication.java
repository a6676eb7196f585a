package dev.herald.moderation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Holds submitted reports for moderators' decisions and publishes the approved ones. */
@SpringBootApplication
@EnableConfigurationProperties(ModerationProperties.class)
@EnableScheduling
public class ModerationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ModerationServiceApplication.class, args);
    }
}
