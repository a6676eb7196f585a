package dev.herald.support.egress;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a URL must look like before anything is called, and the port rule the client applies when it connects. */
class PortRuleAndUrlFormTest {

    private final EgressGuard webOnly = new EgressGuard(true, List.of("10.20.0.0/16"), "webhooks", Set.of(80, 443, 8443));

    @Test
    void aPublicAddressIsConnectedToOnTheAllowedPortsOnly() throws Exception {
        GuardedDnsResolver resolver = new GuardedDnsResolver(webOnly);

        assertThat(resolver.resolve("93.184.216.34", 443)).extracting(InetSocketAddress::getPort).containsExactly(443);
        assertThat(resolver.resolve("93.184.216.34", 8443)).extracting(InetSocketAddress::getPort).containsExactly(8443);
        assertThatThrownBy(() -> resolver.resolve("93.184.216.34", 6379)).isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("port 6379").hasMessageContaining("[80, 443, 8443]");
    }

    @Test
    void anAddressTheConfigurationOpenedTakesAnyPort() throws Exception {
        GuardedDnsResolver resolver = new GuardedDnsResolver(webOnly);

        assertThat(resolver.resolve("127.0.0.1", 9000)).hasSize(1);
        assertThat(resolver.resolve("10.20.1.2", 22)).hasSize(1);
    }

    @Test
    void aGuardWithoutAPortRuleTakesAnyPortAsBefore() throws Exception {
        GuardedDnsResolver anyPort = new GuardedDnsResolver(new EgressGuard(false, List.of(), "page imports"));

        assertThat(anyPort.resolve("93.184.216.34", 8080)).hasSize(1);
    }

    @Test
    void aUrlToCallIsAnAbsoluteHttpUrlWithAHostAndNoCredentialsOrZone() {
        assertThat(OutboundUrl.parse(" https://example.org/feed.xml ").toString()).isEqualTo("https://example.org/feed.xml");
        assertThat(OutboundUrl.parse("HTTP://example.org:8080/a").getPort()).isEqualTo(8080);
        for (var bad : List.of(List.of("ftp://example.org/x", "must be an http or https URL"),
                List.of("/relative/path", "must be an http or https URL"),
                List.of("http:///no-host", "must name a host"),
                List.of("https://user:pass@example.org/", "must not carry credentials"),
                List.of("https://token@example.org/", "must not carry credentials"),
                List.of("http://[fe80::1%25eth0]/hook", "zone id"),
                List.of("http://exa mple.org/", "is not a valid URL"),
                List.of(" ", "is required"))) {
            assertThatThrownBy(() -> OutboundUrl.parse(bad.get(0))).as(bad.get(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad.get(1));
        }
    }
}
