package dev.weft.services.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The hosts file's aliases, which gethostbyname_ex and gethostbyaddr list and the JDK does not give. */
class HostsFileTest {

    private final HostsFile hosts = HostsFile.parse("""
            # comment line
            127.0.0.1   localhost
            10.0.0.5    db.example.test db postgres   # the database
            10.0.0.5    other
            ::1         ip6-localhost ip6-loopback
            not-an-ip   ignored
            """);

    @Test
    void anAliasFindsTheLineWithItsOfficialName() {
        assertThat(hosts.byName("postgres")).get().satisfies(line -> {
            assertThat(line.name()).isEqualTo("db.example.test");
            assertThat(line.aliases()).containsExactly("db", "postgres");
        });
    }

    @Test
    void anAddressFindsItsFirstLine() {
        assertThat(hosts.byAddress(IpLiteral.parse("10.0.0.5"))).get()
                .extracting(HostsFile.Line::name).isEqualTo("db.example.test");
    }

    @Test
    void ipv6LinesAreRead() {
        assertThat(hosts.byName("ip6-loopback")).get().extracting(HostsFile.Line::aliases).isEqualTo(List.of("ip6-loopback"));
    }

    @Test
    void linesThatDoNotStartWithAnAddressAreSkipped() {
        assertThat(hosts.byName("ignored")).isEmpty();
    }
}
