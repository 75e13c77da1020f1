package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** How a server's answer is compared with the bytes every server must send before it is measured. */
class BodyCheckTest {

    private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aTwoHundredWithTheExactBodyPasses() {
        assertThat(BodyCheck.problem(bytes("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello, World!"), HELLO)).isNull();
    }

    @Test
    void aChunkedBodyIsComparedByItsData() {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n8\r\n, World!\r\n0\r\n\r\n";
        assertThat(BodyCheck.problem(bytes(chunked), HELLO)).isNull();
    }

    @Test
    void anotherStatusIsNamed() {
        assertThat(BodyCheck.problem(bytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"), HELLO))
                .isEqualTo("status line 'HTTP/1.1 404 Not Found'");
    }

    @Test
    void aDifferentBodyIsRefusedWithItsLength() {
        assertThat(BodyCheck.problem(bytes("HTTP/1.1 200 OK\r\n\r\nHello, World!\n"), HELLO))
                .isEqualTo("14 body bytes that differ from the expected 13");
    }

    @Test
    void aResponseIsReadAsFarAsItsLengthWithoutWaitingForTheServerToClose() throws Exception {
        byte[] response = bytes("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello, World!");
        java.io.InputStream openConnection = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(response),
                new java.io.InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        throw new java.io.IOException("read past the response");
                    }
                });

        assertThat(BodyCheck.readResponse(openConnection)).isEqualTo(response);
    }

    @Test
    void aCutHeadIsRefused() {
        assertThat(BodyCheck.problem(bytes("HTTP/1.1 200 OK\r\nContent-"), HELLO)).startsWith("no complete response head");
    }
}
