package dev.herald.notification.subscription;

import dev.herald.support.egress.EgressGuard;
import dev.herald.support.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlTest {

    private static final Set<Integer> WEB = Set.of(80, 443);

    private final WebhookUrl service = new WebhookUrl(new NoLookups(false, List.of(), WEB));
    private final WebhookUrl underTest = new WebhookUrl(new NoLookups(true, List.of(), WEB));

    /** A guard that fails the test when asked to resolve a name: the request thread must never wait on DNS. */
    private static final class NoLookups extends EgressGuard {

        NoLookups(boolean allowLoopback, List<String> allowedNetworks, Set<Integer> ports) {
            super(allowLoopback, allowedNetworks, "webhooks", ports);
        }

        @Override
        public InetAddress[] resolve(String host) {
            throw new AssertionError("resolved " + host + " while checking a URL");
        }
    }

    @Test
    void aUrlIntoThisMachineOrItsNetworkIsRefusedWhenLoopbackIsNotAllowed() {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook",
                "http://10.0.0.7/hook", "http://172.16.5.4/hook", "http://192.168.1.1/hook",
                "http://169.254.169.254/latest/meta-data", "http://[fe80::1]/hook", "http://[fc00::1]/hook",
                "http://[::ffff:127.0.0.1]/hook", "http://0.0.0.0:8084/hook")) {
            assertThatThrownBy(() -> service.check(url)).as(url).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("must not point at this network");
        }
    }

    @Test
    void allowingLoopbackAcceptsTheTestReceiverButNothingElseNearby() {
        assertThat(underTest.check("http://127.0.0.1:8080/hook")).isEqualTo("http://127.0.0.1:8080/hook");
        assertThat(underTest.check("http://[::1]:8080/hook")).isEqualTo("http://[::1]:8080/hook");
        assertThatThrownBy(() -> underTest.check("http://192.168.1.1/hook")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void publicAddressesAndNamesThatDoNotResolveYetAreAccepted() {
        assertThat(service.check("https://93.184.216.34/hook")).isEqualTo("https://93.184.216.34/hook");
        assertThat(service.check("https://[2606:4700:4700::1111]/hook")).isEqualTo("https://[2606:4700:4700::1111]/hook");
        // checked again, with the addresses it then has, on every call
        assertThat(service.check("https://hooks.example.invalid/herald")).isEqualTo("https://hooks.example.invalid/herald");
    }

    @Test
    void aUrlCarryingCredentialsIsRefused() {
        for (String url : List.of("https://user:secret@93.184.216.34/hook", "https://token@hooks.example.invalid/hook")) {
            assertThatThrownBy(() -> service.check(url)).as(url).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("must not carry credentials");
        }
    }

    @Test
    void aPublicHostIsCalledOnTheWebsPortsOnly() {
        assertThat(service.check("https://93.184.216.34:443/hook")).isEqualTo("https://93.184.216.34:443/hook");
        assertThat(service.check("http://93.184.216.34:80/hook")).isEqualTo("http://93.184.216.34:80/hook");
        for (String url : List.of("http://93.184.216.34:22/", "https://93.184.216.34:6379/hook", "http://hooks.example.invalid:8080/hook")) {
            assertThatThrownBy(() -> service.check(url)).as(url).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("must use port 80 or 443");
        }
    }

    @Test
    void anAddressTheConfigurationOpenedMayUseAnyPort() {
        WebhookUrl inHouse = new WebhookUrl(new NoLookups(false, List.of("10.20.0.0/16"), WEB));
        assertThat(inHouse.check("http://10.20.1.2:9000/hook")).isEqualTo("http://10.20.1.2:9000/hook");
        assertThat(underTest.check("http://127.0.0.1:8080/hook")).isEqualTo("http://127.0.0.1:8080/hook");
        // a name might lead into the opened network: its port is judged at the call, by the addresses it then has
        assertThat(inHouse.check("http://hooks.corp.example:9000/hook")).isEqualTo("http://hooks.corp.example:9000/hook");
        assertThatThrownBy(() -> inHouse.check("http://93.184.216.34:9000/hook")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must use port 80 or 443");
    }

    @Test
    void configuredPortsAreOpenOnPublicHostsBesidesTheWebsOwn() {
        WebhookUrl withAlt = new WebhookUrl(new NoLookups(false, List.of(), Set.of(80, 443, 8443)));

        assertThat(withAlt.check("https://93.184.216.34:8443/hook")).isEqualTo("https://93.184.216.34:8443/hook");
        assertThat(withAlt.check("https://hooks.example.org:8443/hook")).isEqualTo("https://hooks.example.org:8443/hook");
        assertThatThrownBy(() -> withAlt.check("https://hooks.example.org:8080/hook")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must use port 80, 443 or 8443");
    }

    @Test
    void aNameIsAcceptedWithoutALookupAndLocalhostIsLoopbackWithoutOne() {
        assertThat(service.check("https://hooks.example.org/herald")).isEqualTo("https://hooks.example.org/herald");
        assertThatThrownBy(() -> service.check("http://api.localhost/hook")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must not point at this network");
    }

    @Test
    void aZoneIdOrAnImpossibleAddressIsRefused() {
        assertThatThrownBy(() -> service.check("http://[fe80::1%25eth0]/hook")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.check("http://999.1.1.1/hook")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.check("http://2130706433/hook")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is not a valid address");
    }
}
