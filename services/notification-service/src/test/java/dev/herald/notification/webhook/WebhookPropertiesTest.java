package dev.herald.notification.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookPropertiesTest {

    @Test
    void unsetValuesTakeTheDocumentedDefaults() {
        var defaults = new WebhookProperties(null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(defaults.schedule()).containsExactly(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
        assertThat(defaults.jitter()).isEqualTo(0.2);
        assertThat(defaults.maxRetryAfter()).isEqualTo(Duration.ofHours(10));
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.concurrency()).isEqualTo(8);
        assertThat(defaults.allowLoopback()).isFalse();
        assertThat(defaults.allowedNetworks()).isEmpty();
    }

    @Test
    void theLeaseOutlastsTheLongestCall() {
        var properties = new WebhookProperties(null, null, null, null, null, null, Duration.ofSeconds(3),
                Duration.ofSeconds(20), null, null, null, null);

        assertThat(properties.lease()).isGreaterThan(Duration.ofSeconds(23));
    }

    @Test
    void nonsensicalSettingsAreRefusedAtStartup() {
        assertThatThrownBy(() -> new WebhookProperties(List.of(Duration.ofSeconds(-1)), null, null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schedule");
        assertThatThrownBy(() -> new WebhookProperties(null, 1.0, null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new WebhookProperties(null, -0.1, null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new WebhookProperties(null, null, null, null, 0, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookProperties(null, null, null, null, null, 0, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebhookProperties(null, null, null, null, null, null, null, Duration.ZERO, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
