package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;

/**
 * HTTP/1.1 over TLS under every model: files (which cannot go zero-copy through TLS), ranges, uploads,
 * keep-alive, pipelining, large bodies, a slow reader and ALPN, through a JDK {@link SSLSocket} that trusts the
 * server's self-signed certificate.
 */
class HttpsTest {

    private static final int LARGE = 3 << 20;

    @TempDir
    static Path dir;
    private static String small;
    private static String large;
    private static HttpsServers servers;

    static Stream<Model> models() {
        return Model.all().stream();
    }

    @BeforeAll
    static void start() throws IOException {
        Path root = Files.createDirectories(dir.resolve("www"));
        small = "small file over TLS\n".repeat(50);
        StringBuilder text = new StringBuilder(LARGE);
        for (int line = 0; text.length() < LARGE; line++) {
            text.append(String.format("%08d the large file, line by line, each one different%n", line));
        }
        large = text.substring(0, LARGE);
        Files.writeString(root.resolve("small.txt"), small);
        Files.writeString(root.resolve("large.txt"), large);
        servers = new HttpsServers(root, Files.createDirectories(dir.resolve("keys")));
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    /** Compares long texts by length and first difference, so a failure does not print megabytes. */
    private static void sameText(String actual, String expected) {
        int at = 0;
        while (at < Math.min(actual.length(), expected.length()) && actual.charAt(at) == expected.charAt(at)) {
            at++;
        }
        assertThat(at).as("first difference of %d chars received, %d expected: %s", actual.length(), expected.length(),
                actual.substring(at, Math.min(actual.length(), at + 80))).isEqualTo(expected.length());
        assertThat(actual.length()).isEqualTo(expected.length());
    }

    private static RawClient client(Model model) throws IOException {
        return new RawClient(servers.connect(model));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aSmallFileIsServedOverTls(Model model) throws Exception {
        try (RawClient client = client(model)) {
            RawClient.Response response = client.send(RawClient.get("/small.txt")).read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("content-type")).startsWith("text/plain");
            sameText(response.body(), small);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aLargeFileArrivesWholeThoughItCannotGoZeroCopy(Model model) throws Exception {
        try (RawClient client = client(model)) {
            RawClient.Response response = client.send(RawClient.get("/large.txt")).read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("content-length")).isEqualTo(Integer.toString(LARGE));
            sameText(response.body(), large);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aRangeOfAFileIsExactlyThoseBytes(Model model) throws Exception {
        try (RawClient client = client(model)) {
            RawClient.Response response = client.send("GET /large.txt HTTP/1.1\r\nHost: test\r\nRange: bytes=1000000-1099999\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(206);
            assertThat(response.header("content-range")).isEqualTo("bytes 1000000-1099999/" + LARGE);
            sameText(response.body(), large.substring(1_000_000, 1_100_000));

            RawClient.Response tail = client.send("GET /small.txt HTTP/1.1\r\nHost: test\r\nRange: bytes=-20\r\n\r\n").read();
            assertThat(tail.status()).isEqualTo(206);
            assertThat(tail.body()).isEqualTo(small.substring(small.length() - 20));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void anUploadIsStoredAndServedBack(Model model) throws Exception {
        String name = "/upload-" + model.spec().replace(':', '-') + ".txt";
        String content = large.substring(0, 1 << 20);
        try (RawClient client = client(model)) {
            RawClient.Response put = client.send("PUT " + name + " HTTP/1.1\r\nHost: test\r\nContent-Length: " + content.length()
                    + "\r\n\r\n" + content).read();
            assertThat(put.status()).isIn(200, 201);
            RawClient.Response get = client.send(RawClient.get(name)).read();
            assertThat(get.status()).isEqualTo(200);
            sameText(get.body(), content);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void keepAliveServesRequestAfterRequestOnOneConnection(Model model) throws Exception {
        try (RawClient client = client(model)) {
            for (int i = 0; i < 3; i++) {
                sameText(client.send(RawClient.get("/small.txt")).read().body(), small);
                assertThat(client.send(RawClient.get("/hello")).read().body()).isEqualTo("hello");
                assertThat(client.send(RawClient.get("/stream")).read().body()).hasSize(26_000).startsWith("aaa").endsWith("zzz");
            }
            client.timeout(300);
            assertThat(client.closedByServer()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void pipelinedRequestsAreAnsweredInOrder(Model model) throws Exception {
        String body = "pipelined body";
        try (RawClient client = client(model)) {
            client.send(RawClient.get("/large.txt") + RawClient.get("/small.txt")
                    + "GET /large.txt HTTP/1.1\r\nHost: test\r\nRange: bytes=0-99999\r\n\r\n"
                    + RawClient.get("/hello")
                    + "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: " + body.length() + "\r\n\r\n" + body
                    + RawClient.get("/large.txt"));
            sameText(client.read().body(), large);
            sameText(client.read().body(), small);
            sameText(client.read().body(), large.substring(0, 100_000));
            assertThat(client.read().body()).isEqualTo("hello");
            sameText(client.read().body(), body);
            sameText(client.read().body(), large);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aLargeRequestBodyEchoesWhole(Model model) throws Exception {
        String body = large.substring(0, 2 << 20);
        try (RawClient client = client(model)) {
            RawClient.Response response = client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body).read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("x-length")).isEqualTo(Integer.toString(body.length()));
            sameText(response.body(), body);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aSlowReaderGetsEveryByteAndHoldsUpNoOtherClient(Model model) throws Exception {
        try (RawClient slow = new RawClient(servers.connect(model, 16 * 1024))) {
            slow.send(RawClient.get("/large.txt") + RawClient.get("/large.txt") + RawClient.get("/hello"));
            // it reads nothing until another client is done: the kernel's buffers (up to 4 MiB) fill and the server
            // has to wait for this one, with the last response's records queued behind the second file's
            try (RawClient other = client(model)) {
                assertThat(other.send(RawClient.get("/hello")).read().body()).isEqualTo("hello");
                sameText(other.send(RawClient.get("/large.txt")).read().body(), large);
            }
            RawClient.Response response = slow.read();
            assertThat(response.status()).isEqualTo(200);
            sameText(response.body(), large);
            sameText(slow.read().body(), large);
            assertThat(slow.read().body()).isEqualTo("hello");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aFileAnsweredWithConnectionCloseEndsInAnOrderlyTlsClose(Model model) throws Exception {
        try (RawClient slow = new RawClient(servers.connect(model, 16 * 1024))) {
            slow.send(RawClient.get("/large.txt") + "GET /large.txt HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
            try (RawClient other = client(model)) {
                assertThat(other.send(RawClient.get("/hello")).read().body()).isEqualTo("hello");
            }
            sameText(slow.read().body(), large);
            RawClient.Response last = slow.read();
            assertThat(last.header("connection")).isEqualTo("close");
            sameText(last.body(), large);
            assertThat(slow.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void alpnSelectsHttp11WhenTheClientOffersIt(Model model) throws Exception {
        try (SSLSocket socket = servers.connect(model, "h2", "http/1.1"); RawClient client = new RawClient(socket)) {
            assertThat(socket.getApplicationProtocol()).isEqualTo("http/1.1");
            assertThat(client.send(RawClient.get("/hello")).read().body()).isEqualTo("hello");
        }
    }
}
