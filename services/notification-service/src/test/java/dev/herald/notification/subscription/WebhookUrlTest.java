package dev.herald.notification.subscription;

import dev.herald.support.egress.EgressGuard;
import dev.herald.support.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookUrlTest {

    private final WebhookUrl service = new WebhookUrl(new EgressGuard(false, List.of(), "webhooks"));
    private final WebhookUrl underTest = new WebhookUrl(new EgressGuard(true, List.of(), "webhooks"));

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
        WebhookUrl inHouse = new WebhookUrl(new EgressGuard(false, List.of("10.20.0.0/16"), "webhooks"));
        assertThat(inHouse.check("http://10.20.1.2:9000/hook")).isEqualTo("http://10.20.1.2:9000/hook");
        assertThat(underTest.check("http://127.0.0.1:8080/hook")).isEqualTo("http://127.0.0.1:8080/hook");
    }

    @Test
    void aZoneIdOrAnImpossibleAddressIsRefused() {
        assertThatThrownBy(() -> service.check("http://[fe80::1%25eth0]/hook")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.check("http://999.1.1.1/hook")).isInstanceOf(InvalidRequestException.class);
    }
}
