package dev.weft.http.h1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.weft.http.HttpProtocolException;
import dev.weft.http.HttpRequest;

/** The request parser from bytes, without sockets. */
class RequestParserTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static RequestHead parse(String text) {
        byte[] b = bytes(text);
        return new RequestParser().parse(b, 0, b.length);
    }

    private static void assertRefused(String text, int status) {
        assertThatThrownBy(() -> parse(text)).as(text)
                .isInstanceOf(HttpProtocolException.class)
                .satisfies(e -> assertThat(((HttpProtocolException) e).status()).isEqualTo(status));
    }

    @Test
    void aCompleteHeadGivesMethodTargetVersionAndCaseInsensitiveHeaders() {
        RequestHead head = parse("GET /a?b=1 HTTP/1.1\r\nHost: x\r\nX-Thing:  v  \r\n\r\n");
        assertThat(head.method()).isEqualTo("GET");
        assertThat(head.target()).isEqualTo("/a?b=1");
        assertThat(head.headers().get("x-thing")).isEqualTo("v");
        assertThat(head.keepAlive()).isTrue();
        assertThat(head.contentLength()).isZero();
    }

    @Test
    void bytesArrivingOneAtATimeGiveTheSameHeadOnlyAtTheEnd() {
        byte[] b = bytes("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
        RequestParser parser = new RequestParser();
        int headEnd = new String(b, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
        for (int end = 1; end < headEnd; end++) {
            assertThat(parser.parse(b, 0, end)).isNull();
        }
        RequestHead head = parser.parse(b, 0, b.length);
        assertThat(head.contentLength()).isEqualTo(3);
        assertThat(head.size()).isEqualTo(headEnd);
    }

    @Test
    void aBareCrSplitAcrossReadsIsStillRefused() {
        RequestParser parser = new RequestParser();
        byte[] b = bytes("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n");
        int cr = 23;
        assertThat(parser.parse(b, 0, cr + 1)).isNull();
        assertThatThrownBy(() -> parser.parse(b, 0, b.length)).isInstanceOf(HttpProtocolException.class);
    }

    @Test
    void absoluteFormTargetsAreReducedToThePath() {
        assertThat(parse("GET http://example.com/p?q HTTP/1.1\r\nHost: example.com\r\n\r\n").target()).isEqualTo("/p?q");
        assertThat(parse("GET http://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n").target()).isEqualTo("/");
    }

    @Test
    void chunkedFramingAndHttp10KeepAliveAreRecognised() {
        assertThat(parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n").contentLength())
                .isEqualTo(HttpRequest.CHUNKED);
        assertThat(parse("GET / HTTP/1.0\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keepAlive()).isTrue();
        assertThat(parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").keepAlive()).isFalse();
    }

    @Test
    void identicalRepeatedContentLengthsAreAccepted() {
        assertThat(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\n\r\n").contentLength()).isEqualTo(5);
    }

    @Test
    void malformedAndAmbiguousHeadsAreRefusedWithTheirStatus() {
        assertRefused("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        assertRefused("GET / HTTP/1.1 \r\nHost: x\r\n\r\n", 400);
        assertRefused("G\u00c9T / HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        assertRefused("GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505);
        assertRefused("PURGE / HTTP/1.1\r\nHost: x\r\n\r\n", 501);
        assertRefused("CONNECT host:443 HTTP/1.1\r\nHost: x\r\n\r\n", 501);
        assertRefused("GET x HTTP/1.1\r\nHost: x\r\n\r\n", 400);
        assertRefused("GET / HTTP/1.1\r\nHost: x\r\n: empty\r\n\r\n", 400);
        assertRefused("GET / HTTP/1.1\r\nHost: x\r\nNo colon\r\n\r\n", 400);
        assertRefused("GET / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n", 417);
        assertRefused("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
        assertRefused("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", 400);
        assertRefused("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\n", 400);
    }

    @Test
    void limitsAreEnforcedBeforeTheHeadIsComplete() {
        assertRefused("GET /" + "a".repeat(8200), 414);
        assertRefused("GET / HTTP/1.1\r\n" + "X: y\r\n".repeat(101), 431);
        assertRefused("GET / HTTP/1.1\r\nX: " + "y".repeat(70_000), 431);
    }
}
