package dev.herald.support.egress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EgressGuardTest {

    private final EgressGuard strict = new EgressGuard(false, List.of(), "webhooks");

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254",
            "192.168.0.1", "192.168.255.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255",
            "::1", "::", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "64:ff9b::a00:1", "2002:c0a8:101::1", "::7f00:1"})
    void refusesLoopbackPrivateLinkLocalAndTheirIpv6Wrappings(String literal) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(literal))).as(literal).isPresent();
        assertThatThrownBy(() -> strict.resolve(literal)).isInstanceOf(RefusedAddressException.class)
                .hasMessageContaining("which webhooks may not reach");
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.0.8", "192.0.0.170", "192.0.2.1", "198.51.100.7", "203.0.113.200", "198.18.0.1",
            "198.19.255.254", "192.88.99.1", "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:2::1", "2001:20::1",
            "2001:db8::1", "3fff::1", "100::1", "64:ff9b:1::a00:1", "5f00::1", "::ffff:198.18.0.1"})
    void refusesTheOtherSpecialPurposeRangesOfIanasRegistriesTeredoIncluded(String literal) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(literal))).as(literal).isPresent();
        assertThatThrownBy(() -> strict.resolve(literal)).isInstanceOf(RefusedAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "192.169.0.1",
            "100.128.0.1", "169.253.0.1", "11.0.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8",
            "64:ff9b::808:808", "2002:808:808::1", "192.0.3.1", "198.20.0.1", "2001:4860:4860::8888", "2400:cb00::1"})
    void letsPublicAddressesThrough(String literal) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(literal))).as(literal).isEmpty();
        assertThat(strict.resolve(literal)).extracting(InetAddress::getHostAddress).hasSize(1);
    }

    @Test
    void namesTheKindOfAddressRefused() throws Exception {
        assertThat(strict.refusal(InetAddress.getByName("127.0.0.1"))).contains("a loopback");
        assertThat(strict.refusal(InetAddress.getByName("192.168.1.1"))).contains("a private");
        assertThat(strict.refusal(InetAddress.getByName("fe80::1"))).contains("a link-local");
        assertThat(strict.refusal(InetAddress.getByName("::ffff:127.0.0.1"))).contains("a loopback");
    }

    @Test
    void allowingLoopbackOpensLoopbackOnlyInBothFamilies() throws Exception {
        var guard = new EgressGuard(true, List.of(), "webhooks");

        for (String loopback : List.of("127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1")) {
            assertThat(guard.refusal(InetAddress.getByName(loopback))).as(loopback).isEmpty();
        }
        for (String other : List.of("10.0.0.1", "192.168.0.1", "169.254.169.254", "fe80::1", "fd00::1", "0.0.0.0")) {
            assertThat(guard.refusal(InetAddress.getByName(other))).as(other).isPresent();
        }
    }

    @Test
    void anAllowedNetworkOpensExactlyItsOwnAddresses() throws Exception {
        var guard = new EgressGuard(false, List.of("10.20.0.0/16", "fd00:20::/32"), "webhooks");

        assertThat(guard.refusal(InetAddress.getByName("10.20.3.4"))).isEmpty();
        assertThat(guard.refusal(InetAddress.getByName("::ffff:10.20.3.4"))).isEmpty();
        assertThat(guard.refusal(InetAddress.getByName("fd00:20::9"))).isEmpty();
        assertThat(guard.refusal(InetAddress.getByName("10.21.0.1"))).isPresent();
        assertThat(guard.refusal(InetAddress.getByName("fd00:21::9"))).isPresent();
        assertThat(guard.refusal(InetAddress.getByName("127.0.0.1"))).isPresent();
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        assertThatThrownBy(() -> strict.resolve("localhost")).isInstanceOf(RefusedAddressException.class)
                .hasMessageStartingWith("localhost resolves to");
        assertThatThrownBy(() -> strict.resolve("no-such-host.invalid")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(RefusedAddressException.class);
    }

    @Test
    void malformedAllowedNetworksStopTheServiceAtStartup() {
        for (String bad : List.of("10.0.0.0/33", "example.org/8", "10.0.0.0/x", "fd00::/129", "")) {
            assertThatThrownBy(() -> new EgressGuard(false, List.of(bad), "webhooks"))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
