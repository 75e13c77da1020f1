package dev.weft.services.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.weft.services.PythonPeer;

/** getaddrinfo, gethostbyaddr and getservbyname against the machine's resolver, with Python's as the judge. */
class ResolverTest {

    private static final ServiceTable SERVICES = ServiceTable.parse("""
            ssh    22/tcp
            https  443/tcp
            https  443/udp
            """);
    private final Resolver resolver = new Resolver(SERVICES);

    private static List<String> rows(List<AddressInfo> infos) {
        return infos.stream().map(i -> i.family() + " " + i.kind() + " " + i.kind().protocol() + " " + i.host() + " " + i.port()).toList();
    }

    /** What Python's getaddrinfo gives, one row per entry in the same layout as {@link #rows}. */
    private static List<String> python(String host, String service) throws Exception {
        String script = "import socket\n"
                + "for f, t, p, _, a in socket.getaddrinfo('" + host + "', " + (service == null ? "None" : "'" + service + "'") + "):\n"
                + "    print(f.name, t.name, p, a[0], a[1])\n";
        return PythonPeer.run(List.of("-c", script), "").lines().toList();
    }

    @Test
    void localhostGivesTheSameEntriesAsPythonsGetaddrinfo() throws Exception {
        assumeTrue(PythonPeer.available(), "python3 is not installed");
        assertThat(rows(resolver.addressInfo("localhost", null))).containsExactlyInAnyOrderElementsOf(python("localhost", null));
        assertThat(rows(resolver.addressInfo("localhost", null))).contains("AF_INET SOCK_STREAM 6 127.0.0.1 0");
    }

    @Test
    void aServiceNameListsOnlyTheSocketKindsItIsRegisteredFor() throws Exception {
        assertThat(rows(resolver.addressInfo("127.0.0.1", "ssh"))).containsExactly("AF_INET SOCK_STREAM 6 127.0.0.1 22");
        assertThat(rows(resolver.addressInfo("::1", "https")))
                .containsExactly("AF_INET6 SOCK_STREAM 6 ::1 443", "AF_INET6 SOCK_DGRAM 17 ::1 443");
    }

    @Test
    void aPortNumberListsStreamDatagramAndRaw() throws Exception {
        assertThat(rows(resolver.addressInfo("127.0.0.1", "8080"))).containsExactly(
                "AF_INET SOCK_STREAM 6 127.0.0.1 8080", "AF_INET SOCK_DGRAM 17 127.0.0.1 8080", "AF_INET SOCK_RAW 0 127.0.0.1 8080");
    }

    @Test
    void anUnknownHostIsAnError() {
        assertThatThrownBy(() -> resolver.addressInfo("no-such-host.invalid", null)).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void anUnknownServiceIsAnErrorNamingIt() {
        assertThatThrownBy(() -> resolver.addressInfo("127.0.0.1", "gopherish")).isInstanceOf(UnknownServiceNameException.class)
                .hasMessageContaining("'gopherish'");
    }

    @Test
    void aPortOutOfRangeIsAnError() {
        assertThatThrownBy(() -> resolver.addressInfo("127.0.0.1", "65536")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be between 0 and 65535, not 65536");
    }

    @Test
    void theLoopbackAddressHasAName() throws Exception {
        assertThat(resolver.hostName("127.0.0.1")).isNotBlank().isNotEqualTo("127.0.0.1");
    }

    @Test
    void anAddressWithoutANameIsAnError() {
        assertThatThrownBy(() -> resolver.hostName("192.0.2.1")).isInstanceOf(UnknownHostException.class)
                .hasMessage("no name found for 192.0.2.1");
    }

    @Test
    void servicesAreFoundByNameAndByPort() throws Exception {
        assertThat(resolver.service("https")).extracting(e -> e.port() + "/" + e.protocol()).containsExactly("443/tcp", "443/udp");
        assertThat(resolver.service("22")).extracting(ServiceTable.Entry::name).containsExactly("ssh");
        assertThatThrownBy(() -> resolver.service("9")).isInstanceOf(UnknownServiceNameException.class);
    }
}
