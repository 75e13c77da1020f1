package dev.weft.services.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerTest {

    @Test
    void parsesAnIpv4HostAndPort() throws Exception {
        Peer peer = Peer.parse("127.0.0.1:9090");
        assertThat(peer.address()).isEqualTo(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 9090));
        assertThat(peer.label()).isEqualTo("127.0.0.1:9090");
    }

    @Test
    void parsesABracketedIpv6LiteralAndPrintsItInBrackets() {
        Peer peer = Peer.parse("[::1]:8080");
        assertThat(peer.address().getPort()).isEqualTo(8080);
        assertThat(peer.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(peer.label()).isEqualTo("[0:0:0:0:0:0:0:1]:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "localhost:", ":8080", "localhost:http", "localhost:0", "localhost:70000", "::1:8080"})
    void refusesAMalformedPeerNamingIt(String spec) {
        assertThatThrownBy(() -> Peer.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad peer '" + spec + "'");
    }

    @Test
    void refusesAnUnknownHostNamingIt() {
        assertThatThrownBy(() -> Peer.parse("no-such-host.invalid:8080"))
                .hasMessage("bad peer 'no-such-host.invalid:8080': unknown host no-such-host.invalid");
    }
}
