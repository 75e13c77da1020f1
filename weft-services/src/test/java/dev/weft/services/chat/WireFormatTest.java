package dev.weft.services.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WireFormatTest {

    private static final Charset GBK = Charset.forName("GBK");
    private final WireFormat utf8 = WireFormat.utf8();
    private final WireFormat gbk = new WireFormat(GBK, WireFormat.DEFAULT_MAX_BYTES);

    @Test
    void sendsBareTextWithoutAName() throws Exception {
        assertThat(utf8.encode(null, "hello")).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void prefixesTheNameWhenGiven() throws Exception {
        assertThat(new String(utf8.encode("alice", "hi there"), StandardCharsets.UTF_8)).isEqualTo("alice: hi there");
    }

    @Test
    void encodesChineseInGbkAsTheSeedsPythonDoes() throws Exception {
        assertThat(gbk.encode(null, "你好，世界")).isEqualTo("你好，世界".getBytes(GBK)).hasSize(10);
    }

    @Test
    void decodesChineseInEitherEncoding() {
        assertThat(utf8.decode("你好".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("你好");
        assertThat(gbk.decode("你好".getBytes(GBK)).text()).isEqualTo("你好");
    }

    @Test
    void takesALeadingNameAsTheSender() {
        assertThat(utf8.decode("bob: how are you?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new WireFormat.Incoming("bob", "how are you?"));
        assertThat(gbk.decode("小明: 你好".getBytes(GBK))).isEqualTo(new WireFormat.Incoming("小明", "你好"));
    }

    @Test
    void treatsTextWithoutANamePrefixAsBare() {
        assertThat(utf8.decode("two words: no name".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new WireFormat.Incoming(null, "two words: no name"));
        assertThat(utf8.decode("time:12:00".getBytes(StandardCharsets.UTF_8)).name()).isNull();
    }

    @Test
    void dropsOneTrailingLineEndAsNcSendsIt() {
        assertThat(utf8.decode("hi\n".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("hi");
        assertThat(utf8.decode("hi\r\n".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("hi");
        assertThat(utf8.decode("a\nb\n\n".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("a\nb\n");
    }

    @Test
    void showsUndecodableBytesAsReplacementCharacters() {
        byte[] broken = {'o', 'k', ' ', (byte) 0xff, (byte) 0xfe, ' ', (byte) 0xe4, (byte) 0xbd};
        assertThat(utf8.decode(broken).text()).isEqualTo("ok \uFFFD\uFFFD \uFFFD");
    }

    @Test
    void showsUtf8ReadAsGbkWithoutFailing() {
        String text = gbk.decode(new byte[] {(byte) 0x80, 'x'}).text();
        assertThat(text).endsWith("x").contains("\uFFFD");
    }

    @Test
    void refusesAMessageLongerThanTheLimitRatherThanTruncating() {
        WireFormat small = new WireFormat(StandardCharsets.UTF_8, 10);
        assertThatThrownBy(() -> small.encode(null, "你好你好")) // 12 bytes in UTF-8
                .isInstanceOf(UnsendableMessage.class)
                .hasMessageContaining("12 bytes in UTF-8, over the 10-byte datagram limit");
    }

    @Test
    void countsTheNamePrefixInTheLimit() throws Exception {
        WireFormat small = new WireFormat(StandardCharsets.UTF_8, 10);
        assertThat(small.encode(null, "0123456789")).hasSize(10);
        assertThatThrownBy(() -> small.encode("al", "0123456789")).isInstanceOf(UnsendableMessage.class);
    }

    @Test
    void refusesTextTheEncodingCannotHold() {
        assertThatThrownBy(() -> gbk.encode(null, "smile \uD83D\uDE00"))
                .isInstanceOf(UnsendableMessage.class)
                .hasMessageContaining("GBK cannot encode");
    }

    @Test
    void knowsOnlyTheSeedsTwoEncodings() {
        assertThat(WireFormat.encoding("UTF8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(WireFormat.encoding("gbk")).isEqualTo(GBK);
        assertThatThrownBy(() -> WireFormat.encoding("latin-1")).hasMessage("unknown encoding 'latin-1' (expected utf-8 or gbk)");
    }

    @Test
    void refusesALimitNoDatagramCanHave() {
        assertThatThrownBy(() -> new WireFormat(StandardCharsets.UTF_8, 70_000)).hasMessageContaining("not 70000");
    }

    @Test
    void acceptsOnlyShortWordsAsNames() {
        assertThat(WireFormat.validName("alice_2")).isTrue();
        assertThat(WireFormat.validName("小明")).isTrue();
        assertThat(WireFormat.validName("two words")).isFalse();
        assertThat(WireFormat.validName("a:b")).isFalse();
        assertThat(WireFormat.validName("x".repeat(33))).isFalse();
    }
}
