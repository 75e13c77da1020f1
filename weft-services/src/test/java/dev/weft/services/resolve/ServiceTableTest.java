package dev.weft.services.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The /etc/services parser, from strings. */
class ServiceTableTest {

    private static final ServiceTable TABLE = ServiceTable.parse("""
            # Network services, Internet style
            ssh		22/tcp				# SSH Remote Login Protocol
            http		80/tcp		www		# WorldWideWeb HTTP
            https		443/tcp
            https		443/udp				# HTTP/3
            nntp		119/tcp		readnews untp	# USENET News Transfer Protocol

            broken
            bad		eighty/tcp
            noproto		81/
            toolarge	70000/tcp
            """);

    @Test
    void findsAPortByNameAndProtocol() {
        assertThat(TABLE.port("https", "tcp")).contains(443);
        assertThat(TABLE.port("https", "udp")).contains(443);
    }

    @Test
    void findsAPortByAlias() {
        assertThat(TABLE.port("www", "tcp")).contains(80);
        assertThat(TABLE.port("untp", "tcp")).contains(119);
    }

    @Test
    void hasNoPortForAProtocolTheServiceIsNotRegisteredFor() {
        assertThat(TABLE.port("ssh", "udp")).isEmpty();
    }

    @Test
    void listsEveryProtocolOfANameAndEveryNameOfAPort() {
        assertThat(TABLE.byName("https")).extracting(ServiceTable.Entry::protocol).containsExactly("tcp", "udp");
        assertThat(TABLE.byPort(119)).containsExactly(new ServiceTable.Entry("nntp", 119, "tcp", List.of("readnews", "untp")));
    }

    @Test
    void skipsCommentsBlankAndMalformedLines() {
        assertThat(TABLE.size()).isEqualTo(5);
        assertThat(TABLE.byName("bad")).isEmpty();
        assertThat(TABLE.byPort(70000)).isEmpty();
    }

    @Test
    void theBuiltInTableKnowsTheWellKnownPorts() {
        ServiceTable builtIn = ServiceTable.wellKnown();
        assertThat(builtIn.port("https", "tcp")).contains(443);
        assertThat(builtIn.port("domain", "udp")).contains(53);
        assertThat(builtIn.port("www", "tcp")).contains(80);
    }
}
