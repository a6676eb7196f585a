package dev.herald.notification.email;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailPropertiesTest {

    @Test
    void theBackOffGrowsByTheMultiplierUpToTheLongestWait() {
        var properties = new EmailProperties(null, null, null, null, Duration.ofSeconds(10), 3.0, Duration.ofMinutes(2), null);

        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(90));
        assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void unsetValuesGetWorkableDefaults() {
        var properties = new EmailProperties(" ", null, null, null, null, null, null, null);

        assertThat(properties.from()).isEqualTo("Herald <noreply@herald.localhost>");
        assertThat(properties.maxAttempts()).isPositive();
        assertThat(properties.lease()).isGreaterThan(Duration.ofSeconds(25));
    }

    @Test
    void settingsThatCouldNeverSendAreRefused() {
        assertThatThrownBy(() -> new EmailProperties(null, null, null, 0, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailProperties(null, null, 0, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailProperties(null, null, null, null, null, 0.5, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
