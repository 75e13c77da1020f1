package dev.weft.services.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** /etc/protocols parsing and the built-in table that stands in where the file is missing. */
class ProtocolTableTest {

    @Test
    void aLineGivesNameNumberAndAliasesWithoutTheComment() {
        ProtocolTable table = ProtocolTable.parse("tcp\t6\tTCP\t\t# transmission control protocol\n");
        assertThat(table.byName("tcp")).get().isEqualTo(new ProtocolTable.Entry("tcp", 6, java.util.List.of("TCP")));
    }

    @Test
    void anAliasFindsItsProtocolAndANumberFindsItsName() {
        ProtocolTable table = ProtocolTable.parse("udp 17 UDP\n");
        assertThat(table.byName("UDP")).get().extracting(ProtocolTable.Entry::number).isEqualTo(17);
        assertThat(table.byNumber(17)).get().extracting(ProtocolTable.Entry::name).isEqualTo("udp");
    }

    @Test
    void malformedLinesAreSkipped() {
        ProtocolTable table = ProtocolTable.parse("tcp six TCP\nlonely\nbig 300 BIG\nicmp 1 ICMP\n");
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.byName("icmp")).isPresent();
    }

    @Test
    void theBuiltInTableKnowsTheCommonProtocols() {
        ProtocolTable table = ProtocolTable.wellKnown();
        assertThat(table.byName("tcp")).get().extracting(ProtocolTable.Entry::number).isEqualTo(6);
        assertThat(table.byName("udp")).get().extracting(ProtocolTable.Entry::number).isEqualTo(17);
        assertThat(table.byName("icmp")).get().extracting(ProtocolTable.Entry::number).isEqualTo(1);
        assertThat(table.byName("ipv6-icmp")).get().extracting(ProtocolTable.Entry::number).isEqualTo(58);
    }

    @Test
    void namesAreComparedExactlyAsLibcDoes() {
        assertThat(ProtocolTable.wellKnown().byName("Tcp")).isEmpty();
    }
}
