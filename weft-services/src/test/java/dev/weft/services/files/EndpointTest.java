package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void aBareHostGetsTheDefaultPort() {
        assertThat(Endpoint.parse("files.lan", 9090)).isEqualTo(new Endpoint("files.lan", 9090));
    }

    @Test
    void hostAndPort() {
        assertThat(Endpoint.parse("127.0.0.1:7000", 9090)).isEqualTo(new Endpoint("127.0.0.1", 7000));
    }

    @Test
    void bracketedIpv6WithAndWithoutPort() {
        assertThat(Endpoint.parse("[::1]:7000", 9090)).isEqualTo(new Endpoint("::1", 7000));
        assertThat(Endpoint.parse("[::1]", 9090)).isEqualTo(new Endpoint("::1", 9090));
    }

    @Test
    void aBareIpv6LiteralIsAllHost() {
        assertThat(Endpoint.parse("fe80::1", 9090)).isEqualTo(new Endpoint("fe80::1", 9090));
    }

    @Test
    void badPortsAreNamed() {
        assertThatThrownBy(() -> Endpoint.parse("host:http", 9090)).hasMessage("bad port 'http' in address 'host:http'");
        assertThatThrownBy(() -> Endpoint.parse("host:70000", 9090)).hasMessageContaining("70000");
        assertThatThrownBy(() -> Endpoint.parse("[::1", 9090)).hasMessageContaining("unclosed '['");
    }
}
