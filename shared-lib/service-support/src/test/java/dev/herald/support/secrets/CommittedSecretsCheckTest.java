package dev.herald.support.secrets;

import dev.herald.support.HeraldSupportAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A production service does not start on a secret anyone can read in this repository; a local one does. */
class CommittedSecretsCheckTest {

    final ApplicationContextRunner service = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class, HeraldSupportAutoConfiguration.class));

    @Test
    void aProductionServiceWithAChangeMePlaceholderRefusesToStartNamingTheSettingButNotItsValue() {
        service.withPropertyValues("spring.profiles.active=prod",
                        "herald.notification.signed-link.signing-key=change-me-links-key")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("refusing to start with the 'prod' profile")
                            .hasMessageContaining("herald.notification.signed-link.signing-key")
                            .hasMessageNotContaining("change-me-links-key");
                });
    }

    @Test
    void aProductionServiceWithAWellKnownPasswordRefusesToStart() {
        service.withPropertyValues("spring.profiles.active=prod", "spring.mail.password=admin")
                .run(context -> assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("spring.mail.password"));
    }

    @Test
    void aProductionServiceWithSecretsOfItsOwnStarts() {
        service.withPropertyValues("spring.profiles.active=prod",
                        "herald.notification.signed-link.signing-key=k3JqW0u5Hq3yX9n8V2m1aQ==", "spring.mail.password=eN4&vR8#pL",
                        // a well-known word is a default only where a secret belongs
                        "herald.notification.email.from=admin")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void outsideProductionTheLocalPlaceholdersAreAllowed() {
        service.withPropertyValues("spring.profiles.active=local",
                        "herald.notification.signed-link.signing-key=change-me-links-key", "spring.mail.password=admin")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
