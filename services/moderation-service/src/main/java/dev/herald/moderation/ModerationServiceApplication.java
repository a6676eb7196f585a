package dev.herald.moderation;

import dev.herald.moderation.review.SchedulingProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Holds submitted reports for moderators' decisions and publishes the approved ones. */
@SpringBootApplication
@EnableConfigurationProperties({ModerationProperties.class, SchedulingProperties.class})
@EnableScheduling
public class ModerationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ModerationServiceApplication.class, args);
    }
}
