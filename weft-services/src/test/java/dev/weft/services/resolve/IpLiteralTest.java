package dev.weft.services.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** inet_pton and inet_ntop, never touching DNS. */
class IpLiteralTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, 7f000001, 127.0.0.1",
            "::1, 00000000000000000000000000000001, ::1",
            "2001:db8:0:0:1:0:0:1, 20010db8000000000001000000000001, 2001:db8::1:0:0:1",
            "fe80::, fe800000000000000000000000000000, fe80::",
            "1:2:3:4:5:6:7:8, 00010002000300040005000600070008, 1:2:3:4:5:6:7:8",
    })
    void packsAndFormatsAddresses(String text, String packed, String shortForm) {
        assertThat(IpLiteral.packedHex(IpLiteral.parse(text))).isEqualTo(packed);
        assertThat(IpLiteral.format(IpLiteral.parse(text))).isEqualTo(shortForm);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "256.1.1.1", "1.2.3", "1.2.3.4.5", "g::1", ":::1:2:3:4:5:6:7:8:9", "", "01.2.3.4"})
    void refusesTextThatIsNotAnAddressLiteral(String text) {
        assertThatThrownBy(() -> IpLiteral.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an IP address: '" + text + "'");
    }
}
