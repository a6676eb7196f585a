package dev.herald.ingest.fetch;

import dev.herald.support.egress.EgressGuard;
import dev.herald.support.egress.RefusedAddressException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A page import reaches a public host on the web's ports only, unless the configuration names more. */
class ImportPortsTest {

    private static final InetAddress PUBLIC = address("93.184.216.34");
    private static final InetAddress LOOPBACK = address("127.0.0.1");

    @Test
    void aPublicHostIsCalledOnPorts80And443Only() {
        FetchProperties defaults = properties(false, null);
        EgressGuard guard = new EgressGuard(defaults.allowLoopback(), defaults.allowedNetworks(), "page imports", defaults.publicPorts());

        assertThatCode(() -> guard.checkPort(new InetAddress[]{PUBLIC}, 443)).doesNotThrowAnyException();
        assertThatCode(() -> guard.checkPort(new InetAddress[]{PUBLIC}, 80)).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.checkPort(new InetAddress[]{PUBLIC}, 6379)).isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("page imports");
    }

    @Test
    void configuredPortsAreAddedAndAnOpenedLoopbackTakesAnyPort() throws RefusedAddressException {
        FetchProperties opened = properties(true, List.of(8080));
        EgressGuard guard = new EgressGuard(opened.allowLoopback(), opened.allowedNetworks(), "page imports", opened.publicPorts());

        guard.checkPort(new InetAddress[]{PUBLIC}, 8080);
        guard.checkPort(new InetAddress[]{LOOPBACK}, 41234);
        assertThat(opened.publicPorts()).containsExactly(80, 443, 8080);
        assertThatThrownBy(() -> properties(false, List.of(70_000))).isInstanceOf(IllegalArgumentException.class);
    }

    private static FetchProperties properties(boolean loopback, List<Integer> ports) {
        return new FetchProperties(loopback, null, null, null, null, null, null, ports);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
