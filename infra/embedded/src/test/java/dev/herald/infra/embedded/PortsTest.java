package dev.herald.infra.embedded;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    @Test
    void aJvmGivenABandPicksOnlyFreePortsOfItsBandBelowTheKernelsOutgoingOnesAndNeverTheSameTwice() {
        String before = System.getProperty("herald.ports.band");
        System.setProperty("herald.ports.band", "2");
        try {
            Set<Integer> picked = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                int port = Ports.free();
                assertThat(port).isBetween(14_000, 15_999);
                assertThat(Ports.inUse(port)).isFalse();
                assertThat(picked.add(port)).as("port %d handed out twice", port).isTrue();
            }
        } finally {
            if (before == null) System.clearProperty("herald.ports.band");
            else System.setProperty("herald.ports.band", before);
        }
    }

    @Test
    void aBandOutsideTheRangeIsRefusedByName() {
        String before = System.getProperty("herald.ports.band");
        System.setProperty("herald.ports.band", "40");
        try {
            assertThatThrownBy(Ports::free).hasMessageContaining("herald.ports.band");
        } finally {
            if (before == null) System.clearProperty("herald.ports.band");
            else System.setProperty("herald.ports.band", before);
        }
    }

    @Test
    void withoutABandAnyFreePortOfTheSystemIsHandedOutOnce() {
        int first = Ports.free();
        int second = Ports.free();
        assertThat(first).isNotEqualTo(second);
        assertThat(Ports.inUse(first)).isFalse();
    }
}
