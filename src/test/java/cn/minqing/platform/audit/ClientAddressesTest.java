package cn.minqing.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which address a request comes from, by the proxies configured (plain logic; no servers needed). */
class ClientAddressesTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverBelieved() {
        ClientAddresses addresses = new ClientAddresses(List.of());
        assertThat(addresses.of(request("10.0.0.5", "203.0.113.9"))).isEqualTo("10.0.0.5");
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedAddressIsTheClient() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", " 192.168.1.1 "));
        assertThat(addresses.of(request("10.0.0.5", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(addresses.of(request("10.0.0.5", "1.2.3.4, 203.0.113.9, 192.168.1.1"))).as("a forged first hop is not believed")
                .isEqualTo("203.0.113.9");
        assertThat(addresses.of(request("10.0.0.5", "2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(addresses.of(request("172.16.0.1", "203.0.113.9"))).as("not from a trusted proxy").isEqualTo("172.16.0.1");
    }

    @Test
    void aMalformedOrOverlongHeaderFallsBackToTheSocket() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));
        for (String header : new String[] {"x".repeat(70), "1.2.3.999", "example.org", "", " , ", "1.2.3.4 5.6.7.8",
                "::ffff:zz", "1:2:3:4:5:6:7:8:9:0:1:2:3:4:5:6:7:8:9:0:1:2:3:4:5:6:7:8:9:0"}) {
            assertThat(addresses.of(request("10.0.0.5", header))).as(header).isEqualTo("10.0.0.5");
        }
        assertThat(ClientAddresses.fit("f".repeat(70))).hasSize(ClientAddresses.MAX_LENGTH);
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }
}
