package dev.herald.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookPropertiesTest {

    @Test
    void backOffGrowsByTheMultiplierUpToTheMaximum() {
        var properties = new WebhookProperties(null, null, null, null, null,
                Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));

        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.backoffAfter(60)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void unsetValuesTakeTheDocumentedDefaults() {
        var defaults = new WebhookProperties(null, null, null, null, null, null, null, null);

        assertThat(defaults.maxAttempts()).isEqualTo(5);
        assertThat(defaults.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.multiplier()).isEqualTo(2.0);
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void nonsensicalSettingsAreRefusedAtStartup() {
        assertThatThrownBy(() -> new WebhookProperties(null, null, null, null, 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookProperties(null, null, null, null, null, null, 0.5, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
