package dev.herald.infra.embedded;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    @Test
    void aJvmGivenABandPicksOnlyFreePortsOfItsBandBelowTheKernelsOutgoingOnesAndNeverTheSameTwice() {
        inBand("2", () -> {
            Set<Integer> picked = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                int port = Ports.free();
                assertThat(port).isBetween(14_000, 15_999);
                assertThat(Ports.inUse(port)).isFalse();
                assertThat(picked.add(port)).as("port %d handed out twice", port).isTrue();
            }
        });
    }

    @Test
    void aBandOutsideTheRangeIsRefusedByName() {
        inBand("40", () -> assertThatThrownBy(Ports::free).hasMessageContaining("herald.ports.band"));
    }

    @Test
    void withoutABandAnyFreePortOfTheSystemIsHandedOutOnce() {
        int first = Ports.free();
        int second = Ports.free();
        assertThat(first).isNotEqualTo(second);
        assertThat(Ports.inUse(first)).isFalse();
    }

    /** Runs the check as a JVM given {@code herald.ports.band}, then gives the JVM back its own setting. */
    private static void inBand(String band, Runnable check) {
        String before = System.getProperty("herald.ports.band");
        System.setProperty("herald.ports.band", band);
        try {
            check.run();
        } finally {
            if (before == null) System.clearProperty("herald.ports.band");
            else System.setProperty("herald.ports.band", before);
        }
    }
}
