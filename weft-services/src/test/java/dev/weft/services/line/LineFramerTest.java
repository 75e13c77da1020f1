package dev.weft.services.line;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shared line framer, fed from bytes without sockets. */
class LineFramerTest {

    private final List<String> lines = new ArrayList<>();

    private void feed(LineFramer framer, String text) throws LineTooLongException {
        framer.feed(ByteBuffer.wrap(text.getBytes(UTF_8)), line -> lines.add(new String(line, UTF_8)));
    }

    @Test
    void deliversEachCompleteLineWithItsTerminatorAndKeepsTheRest() throws Exception {
        LineFramer framer = new LineFramer(100);
        feed(framer, "first\r\nsecond\nthird");
        assertThat(lines).containsExactly("first\r\n", "second\n");
        assertThat(framer.hasPartial()).isTrue();
    }

    @Test
    void joinsALineThatArrivesInPieces() throws Exception {
        LineFramer framer = new LineFramer(100);
        feed(framer, "he");
        feed(framer, "l");
        feed(framer, "lo\nnext");
        assertThat(lines).containsExactly("hello\n");
        assertThat(new String(framer.takePartial(), UTF_8)).isEqualTo("next");
    }

    @Test
    void takingThePartialLineEmptiesTheFramer() throws Exception {
        LineFramer framer = new LineFramer(100);
        feed(framer, "abc");
        assertThat(framer.takePartial()).isEqualTo("abc".getBytes(UTF_8));
        assertThat(framer.hasPartial()).isFalse();
        feed(framer, "d\n");
        assertThat(lines).containsExactly("d\n");
    }

    @Test
    void deliversEmptyLines() throws Exception {
        LineFramer framer = new LineFramer(100);
        feed(framer, "\n\r\n");
        assertThat(lines).containsExactly("\n", "\r\n");
    }

    @Test
    void acceptsALineOfExactlyTheLimit() throws Exception {
        LineFramer framer = new LineFramer(5);
        feed(framer, "12345\n");
        assertThat(lines).containsExactly("12345\n");
    }

    @Test
    void refusesALineOneByteOverTheLimitEvenBeforeItsNewline() throws Exception {
        LineFramer framer = new LineFramer(5);
        feed(framer, "123");
        assertThatThrownBy(() -> feed(framer, "456")).isInstanceOf(LineTooLongException.class)
                .hasMessage("line longer than 5 bytes");
        assertThat(framer.hasPartial()).isFalse();
    }

    @Test
    void splitsTenThousandLinesFromOneBufferInOrder() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append("line ").append(i).append('\n');
        }
        feed(new LineFramer(100), text.toString());
        assertThat(lines).hasSize(10_000);
        assertThat(lines.get(0)).isEqualTo("line 0\n");
        assertThat(lines.get(9_999)).isEqualTo("line 9999\n");
    }

    @Test
    void framesGbkTextWhoseBytesLookLikeNothingSpecial() throws Exception {
        byte[] gbk = "中文\n第二行\n".getBytes("GBK");
        List<byte[]> raw = new ArrayList<>();
        new LineFramer(100).feed(ByteBuffer.wrap(gbk), raw::add);
        assertThat(raw).extracting(b -> new String(b, "GBK")).containsExactly("中文\n", "第二行\n");
    }
}
