package dev.weft.http.h1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Chunked framing taken out of a body from bytes, whole and split at every size of read. */
class ChunkedDecoderTest {

    private static final String BODY = "4\r\nWiki\r\n6;ext=1\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\n";

    /** Feeds {@code text} in reads of {@code step} bytes (a direct buffer, as the download uses); returns the body. */
    private static String decode(String text, int step) throws MalformedResponseException {
        byte[] input = text.getBytes(StandardCharsets.ISO_8859_1);
        ChunkedDecoder decoder = new ChunkedDecoder();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocateDirect(step);
        for (int at = 0; at < input.length && !decoder.finished(); at += step) {
            buffer.clear();
            buffer.put(input, at, Math.min(step, input.length - at)).flip();
            int n;
            while ((n = decoder.next(buffer)) > 0) {
                byte[] part = new byte[n];
                buffer.get(part);
                body.writeBytes(part);
            }
        }
        assertThat(decoder.finished()).as("finished").isTrue();
        return body.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void chunksWithExtensionsAndTrailersGiveTheBody() throws Exception {
        assertThat(decode(BODY, BODY.length())).isEqualTo("Wikipedia in \r\n\r\nchunks.");
    }

    @Test
    void everySplitOfTheInputGivesTheSameBody() throws Exception {
        for (int step = 1; step <= BODY.length(); step++) {
            assertThat(decode(BODY, step)).as("reads of " + step).isEqualTo("Wikipedia in \r\n\r\nchunks.");
        }
    }

    @Test
    void bareLfLineEndsAreAccepted() throws Exception {
        assertThat(decode("3\nabc\n0\n\n", 4)).isEqualTo("abc");
    }

    @Test
    void upperAndLowerCaseHexSizesAreRead() throws Exception {
        String twentySix = "abcdefghijklmnopqrstuvwxyz";
        assertThat(decode("1a\r\n" + twentySix + "\r\n1A\r\n" + twentySix + "\r\n0\r\n\r\n", 7)).isEqualTo(twentySix + twentySix);
    }

    @Test
    void bytesAfterTheLastChunkAreLeftAlone() throws Exception {
        ByteBuffer in = ByteBuffer.wrap("0\r\n\r\nHTTP/1.1".getBytes(StandardCharsets.ISO_8859_1));
        ChunkedDecoder decoder = new ChunkedDecoder();

        assertThat(decoder.next(in)).isZero();
        assertThat(decoder.finished()).isTrue();
        assertThat(in.remaining()).isEqualTo("HTTP/1.1".length());
    }

    @Test
    void anUnfinishedBodyIsNotFinished() throws Exception {
        ChunkedDecoder decoder = new ChunkedDecoder();
        ByteBuffer in = ByteBuffer.wrap("5\r\nabc".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(decoder.next(in)).isEqualTo(3);
        in.position(in.limit());
        assertThat(decoder.next(in)).isZero();
        assertThat(decoder.finished()).isFalse();
        assertThat(decoder.announced()).isEqualTo(5);
    }

    private static void assertMalformed(String text, String message) {
        assertThatThrownBy(() -> decode(text, text.length())).as(text)
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining(message);
    }

    @Test
    void aSizeThatIsNotHexIsRefusedWithTheLine() {
        assertMalformed("zz\r\nabc\r\n0\r\n\r\n", "malformed chunk size 'zz'");
        assertMalformed("3 x\r\nabc\r\n0\r\n\r\n", "malformed chunk size line '3 x'");
        assertMalformed("1234567890abcdef\r\n", "malformed chunk size '1234567890abcdef'");
    }

    @Test
    void dataLongerThanItsSizeIsRefused() {
        assertMalformed("3\r\nabcd\r\n0\r\n\r\n", "chunk data longer than its size: 'd'");
    }

    @Test
    void aBareCrInFramingIsRefused() {
        assertMalformed("3\rabc\r\n0\r\n\r\n", "bare CR in chunked framing");
    }

    @Test
    void anOverlongSizeLineIsRefused() {
        assertMalformed("3;" + "x".repeat(5000) + "\r\nabc\r\n0\r\n\r\n", "chunked framing line longer than 4096 bytes");
    }

    @Test
    void aMalformedTrailerIsRefused() {
        assertMalformed("0\r\nno colon\r\n\r\n", "malformed trailer field 'no colon'");
    }

    @Test
    void trailersBeyondTheirLimitAreRefused() {
        assertMalformed("0\r\n" + ("X: " + "y".repeat(1000) + "\r\n").repeat(70) + "\r\n", "chunked framing line longer than");
    }
}
