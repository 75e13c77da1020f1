package dev.weft.http.h1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The response head parser from bytes, without sockets. */
class ResponseParserTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ResponseHead parse(String text) throws MalformedResponseException {
        byte[] b = bytes(text);
        return new ResponseParser().parse(b, 0, b.length);
    }

    private static void assertMalformed(String text, String message) {
        assertThatThrownBy(() -> parse(text)).as(text)
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining(message);
    }

    @Test
    void aCompleteHeadGivesStatusReasonAndCaseInsensitiveHeaders() throws Exception {
        ResponseHead head = parse("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 5-9/10\r\nETag:  \"x\"  \r\n"
                + "Content-Length: 5\r\n\r\nhello");

        assertThat(head.version()).isEqualTo("HTTP/1.1");
        assertThat(head.status()).isEqualTo(206);
        assertThat(head.reason()).isEqualTo("Partial Content");
        assertThat(head.headers().get("content-range")).isEqualTo("bytes 5-9/10");
        assertThat(head.headers().get("etag")).isEqualTo("\"x\"");
        assertThat(head.size()).isEqualTo(("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 5-9/10\r\n"
                + "ETag:  \"x\"  \r\nContent-Length: 5\r\n\r\n").length());
    }

    @Test
    void bytesArrivingOneAtATimeGiveTheHeadOnlyWhenItsEmptyLineIsThere() throws Exception {
        byte[] b = bytes("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
        int headEnd = b.length - 3;
        ResponseParser parser = new ResponseParser();
        for (int end = 1; end < headEnd; end++) {
            assertThat(parser.parse(b, 0, end)).isNull();
        }
        ResponseHead head = parser.parse(b, 0, b.length);
        assertThat(head.size()).isEqualTo(headEnd);
        assertThat(head.framing()).isEqualTo(new BodyFraming.Length(3));
    }

    @Test
    void aHeadStartingInsideTheBufferIsParsedFromThere() throws Exception {
        byte[] b = bytes("xxxxHTTP/1.1 200 OK\r\n\r\n");
        assertThat(new ResponseParser().parse(b, 4, b.length).size()).isEqualTo(b.length - 4);
    }

    @Test
    void bareLfLineEndsAreAccepted() throws Exception {
        ResponseHead head = parse("HTTP/1.0 200 OK\nServer: old\n\n");
        assertThat(head.headers().get("Server")).isEqualTo("old");
        assertThat(head.version()).isEqualTo("HTTP/1.0");
    }

    @Test
    void anEmptyReasonPhraseWithOrWithoutItsSpaceIsAccepted() throws Exception {
        assertThat(parse("HTTP/1.1 404 \r\n\r\n").reason()).isEmpty();
        assertThat(parse("HTTP/1.1 404\r\n\r\n").status()).isEqualTo(404);
    }

    @Test
    void chunkedFramingWinsOverContentLength() throws Exception {
        assertThat(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 9\r\n\r\n").framing())
                .isEqualTo(new BodyFraming.Chunked());
    }

    @Test
    void withoutLengthOrChunkingTheBodyRunsUntilClose() throws Exception {
        ResponseHead head = parse("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n");
        assertThat(head.framing()).isEqualTo(new BodyFraming.UntilClose());
        assertThat(head.keepAlive()).isFalse();
    }

    @Test
    void aTransferCodingOtherThanChunkedMeansReadingUntilClose() throws Exception {
        assertThat(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n").framing())
                .isEqualTo(new BodyFraming.UntilClose());
    }

    @Test
    void aCompressingCodingBeforeChunkedIsRefused() {
        assertMalformed("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "unsupported Transfer-Encoding 'gzip, chunked'");
    }

    @Test
    void noContentAndNotModifiedHaveNoBodyWhateverTheirHeadersSay() throws Exception {
        assertThat(parse("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n").framing()).isEqualTo(new BodyFraming.Length(0));
        assertThat(parse("HTTP/1.1 304 Not Modified\r\n\r\n").framing()).isEqualTo(new BodyFraming.Length(0));
    }

    @Test
    void aOneHundredContinueIsInformational() throws Exception {
        ResponseHead head = parse("HTTP/1.1 100 Continue\r\n\r\n");
        assertThat(head.informational()).isTrue();
        assertThat(head.framing()).isEqualTo(new BodyFraming.Length(0));
    }

    @Test
    void connectionCloseAndHttp10DecideKeepAlive() throws Exception {
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive()).isTrue();
        assertThat(parse("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n").keepAlive()).isTrue();
    }

    @Test
    void identicalRepeatedContentLengthsAreAcceptedAndConflictingOnesRefused() throws Exception {
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\nContent-Length: 5\r\n\r\n").framing())
                .isEqualTo(new BodyFraming.Length(5));
        assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", "conflicting Content-Length");
    }

    @Test
    void aMalformedContentLengthIsRefusedWithItsValue() {
        assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "malformed Content-Length '-1'");
        assertMalformed("HTTP/1.1 200 OK\r\nContent-Length: 12345678901234567890\r\n\r\n", "malformed Content-Length");
    }

    @Test
    void badStatusLinesAreRefusedWithTheLine() {
        for (String line : new String[] {"HTTP/1.1 2OO OK", "HTTP/1.1  200 OK", "HTTP/1.1 200OK", "HTTP/1.1 20",
                "HTTP/1.1 099 Low", "HTTPS/1.1 200 OK", "SSH-2.0-OpenSSH_9.2p1", "<html><body>hello</body></html>"}) {
            assertMalformed(line + "\r\n\r\n", "malformed status line '" + line + "'");
        }
    }

    @Test
    void anotherHttpVersionIsNamed() {
        assertMalformed("HTTP/2.0 200 OK\r\n\r\n", "the server answered in HTTP/2.0, not HTTP/1.1");
    }

    @Test
    void anEmptyFirstLineIsRefused() {
        assertMalformed("\r\nHTTP/1.1 200 OK\r\n\r\n", "empty line where the status line should be");
    }

    @Test
    void aBareCrIsRefusedEvenWhenSplitAcrossReads() throws Exception {
        byte[] b = bytes("HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n");
        ResponseParser parser = new ResponseParser();
        int cr = "HTTP/1.1 200 OK\r\nX: a".length();
        assertThat(parser.parse(b, 0, cr + 1)).isNull();
        assertThatThrownBy(() -> parser.parse(b, 0, b.length))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("bare CR");
    }

    @Test
    void badFieldLinesAreRefusedByTheServersRules() {
        assertMalformed("HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n", "malformed header field name 'No colon here'");
        assertMalformed("HTTP/1.1 200 OK\r\nX: a\r\n folded\r\n\r\n", "obsolete line folding");
        assertMalformed("HTTP/1.1 200 OK\r\nX: a\u0001b\r\n\r\n", "control character 0x1");
    }

    @Test
    void aHeadLargerThanTheLimitIsRefusedBeforeItEnds() throws Exception {
        ResponseParser parser = new ResponseParser(1024, 100);
        byte[] b = bytes("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(2000));

        assertThatThrownBy(() -> parser.parse(b, 0, b.length))
                .isInstanceOf(MalformedResponseException.class).hasMessage("response head larger than 1024 bytes");
    }

    @Test
    void theDefaultHeadLimitIsSixtyFourKibibytes() {
        assertMalformed("HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n", "response head larger than 65536 bytes");
    }

    @Test
    void tooManyFieldsAreRefused() throws Exception {
        assertThat(parse("HTTP/1.1 200 OK\r\n" + "X: 1\r\n".repeat(100) + "\r\n").headers().size()).isEqualTo(100);
        assertMalformed("HTTP/1.1 200 OK\r\n" + "X: 1\r\n".repeat(101) + "\r\n", "more than 100 header fields");
    }

    @Test
    void resetParsesTheNextHead() throws Exception {
        byte[] b = bytes("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        ResponseParser parser = new ResponseParser();
        ResponseHead first = parser.parse(b, 0, b.length);
        parser.reset();
        ResponseHead second = parser.parse(b, first.size(), b.length);

        assertThat(first.informational()).isTrue();
        assertThat(second.status()).isEqualTo(200);
    }
}
