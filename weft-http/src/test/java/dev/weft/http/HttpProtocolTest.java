package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;

/** RFC 9112 behaviour over raw sockets, under every concurrency model. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpProtocolTest {

    private final TestServers servers = new TestServers();

    Stream<Model> models() {
        return Model.all().stream();
    }

    @AfterAll
    void stop() {
        servers.close();
    }

    private RawClient client(Model model) throws IOException {
        return new RawClient(servers.on(model).port());
    }

    @ParameterizedTest
    @MethodSource("models")
    void getAnswersWithBodyLengthDateAndServer(Model model) throws IOException {
        try (RawClient client = client(model)) {
            RawClient.Response response = client.send(RawClient.get("/hello")).read();
            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(response.body()).isEqualTo("hello");
            assertThat(response.header("Content-Length")).isEqualTo("5");
            assertThat(response.header("Date")).endsWith(" GMT");
            assertThat(response.header("Server")).isEqualTo("weft");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void framingFieldsAHandlerSetsGiveWayToTheServersOwn(Model model) throws IOException {
        try (RawClient client = client(model)) {
            RawClient.Response response = client.send(RawClient.get("/framing")).read();
            assertThat(response.body()).isEqualTo("hello");
            assertThat(response.header("Content-Length")).isEqualTo("5");
            assertThat(response.header("Date")).endsWith(" GMT").doesNotContain("yesterday");
            assertThat(response.header("Server")).isEqualTo("weft");
            assertThat(response.header("Connection")).isNull();
            assertThat(response.header("Transfer-Encoding")).isNull();
            assertThat(client.send(RawClient.get("/hello")).read().body()).isEqualTo("hello");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void http11KeepsTheConnectionForFurtherRequests(Model model) throws IOException {
        try (RawClient client = client(model)) {
            for (int i = 0; i < 3; i++) {
                assertThat(client.send(RawClient.get("/hello")).read().body()).isEqualTo("hello");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void pipelinedRequestsAreAnsweredInOrder(Model model) throws IOException {
        try (RawClient client = client(model)) {
            client.send(RawClient.get("/query?name=one") + RawClient.get("/hello") + RawClient.get("/query?name=three"));
            assertThat(client.read().body()).isEqualTo("one|null");
            assertThat(client.read().body()).isEqualTo("hello");
            assertThat(client.read().body()).isEqualTo("three|null");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void connectionCloseClosesAfterTheResponse(Model model) throws IOException {
        try (RawClient client = client(model)) {
            RawClient.Response response = client.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").read();
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void http10ClosesUnlessKeepAliveIsAsked(Model model) throws IOException {
        try (RawClient client = client(model)) {
            RawClient.Response response = client.send("GET /hello HTTP/1.0\r\n\r\n").read();
            assertThat(response.statusLine()).startsWith("HTTP/1.0 200");
            assertThat(client.closedByServer()).isTrue();
        }
        try (RawClient client = client(model)) {
            client.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertThat(client.read().header("Connection")).isEqualTo("keep-alive");
            assertThat(client.send("GET /hello HTTP/1.0\r\n\r\n").read().body()).isEqualTo("hello");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void bodiesArriveByContentLengthAndByChunks(Model model) throws IOException {
        try (RawClient client = client(model)) {
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\nhello world");
            RawClient.Response fixed = client.read();
            assertThat(fixed.body()).isEqualTo("hello world");
            assertThat(fixed.header("X-Length")).isEqualTo("11");
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\n");
            RawClient.Response chunked = client.read();
            assertThat(chunked.body()).isEqualTo("hello world");
            assertThat(chunked.header("X-Length")).isEqualTo("-1");
            assertThat(client.send(RawClient.get("/hello")).read().body()).isEqualTo("hello");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void anUnreadBodyIsSkippedAndTheConnectionKept(Model model) throws IOException {
        try (RawClient client = client(model)) {
            client.send("POST /ignore-body HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nxxxxx" + RawClient.get("/hello"));
            assertThat(client.read().body()).isEqualTo("ignored");
            assertThat(client.read().body()).isEqualTo("hello");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void expectContinueGetsAnInterimResponseBeforeTheBody(Model model) throws IOException {
        try (RawClient client = client(model)) {
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            assertThat(client.read().statusLine()).isEqualTo("HTTP/1.1 100 Continue");
            client.send("ping");
            assertThat(client.read().body()).isEqualTo("ping");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void headDescribesTheBodyWithoutSendingIt(Model model) throws IOException {
        try (RawClient client = client(model)) {
            RawClient.Response head = client.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n").read(true);
            assertThat(head.header("Content-Length")).isEqualTo("5");
            assertThat(client.send(RawClient.get("/hello")).read().body()).isEqualTo("hello");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aStreamOfUnknownLengthIsChunked(Model model) throws IOException {
        try (RawClient client = client(model)) {
            RawClient.Response response = client.send(RawClient.get("/stream")).read();
            assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(response.body()).hasSize(26_000).startsWith("aaa").endsWith("zzz");
            assertThat(client.send(RawClient.get("/hello")).read().body()).isEqualTo("hello");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aHandlerExceptionIs500WithAnErrorIdAndTheConnectionStaysUsable(Model model) throws IOException {
        try (RawClient client = client(model)) {
            RawClient.Response response = client.send(RawClient.get("/boom")).read();
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.body()).containsPattern("error id: [0-9a-f]{8}");
            assertThat(client.send(RawClient.get("/hello")).read().body()).isEqualTo("hello");
        }
    }

    /** Each malformed or smuggling-prone request is refused with its status and the connection closed. */
    @ParameterizedTest
    @MethodSource("models")
    void badRequestsAreRefusedWithTheirStatusAndClosed(Model model) throws IOException {
        for (BadRequest bad : BadRequest.ALL) {
            try (RawClient client = client(model)) {
                RawClient.Response response = client.send(bad.bytes()).read();
                assertThat(response.status()).as(bad.name()).isEqualTo(bad.status());
                assertThat(response.header("Connection")).as(bad.name()).isEqualTo("close");
                assertThat(client.closedByServer()).as(bad.name()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aBodyOverTheLimitIs413(Model model) throws IOException {
        try (RawClient client = client(model)) {
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: " + ((1 << 20) + 1) + "\r\nExpect: 100-continue\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(413);
            assertThat(client.closedByServer()).isTrue();
        }
        try (RawClient client = client(model)) {
            String chunk = Integer.toHexString(600_000) + "\r\n" + "x".repeat(600_000) + "\r\n";
            client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk + "0\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(413);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void requestHeadsSentAByteAtATimeAreAnsweredInOrder(Model model) throws IOException {
        try (RawClient client = client(model)) {
            byte[] two = (RawClient.get("/hello") + RawClient.get("/query?name=b")).getBytes(StandardCharsets.US_ASCII);
            for (byte b : two) {
                client.send(new byte[] {b});
            }
            assertThat(client.read().body()).isEqualTo("hello");
            assertThat(client.read().body()).isEqualTo("b|null");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aSlowRequestHeadIs408(Model model) throws IOException {
        try (RawClient client = client(model)) {
            client.send("GET /hello HTTP/1.1\r\nHost: t\r\n");
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(408);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void anIdleKeptAliveConnectionIsClosedQuietly(Model model) throws IOException {
        try (RawClient client = client(model)) {
            assertThat(client.send(RawClient.get("/hello")).read().status()).isEqualTo(200);
            client.timeout(8000);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    Stream<Model> inProcessModels() {
        return Model.inProcess().stream();
    }

    @ParameterizedTest
    @MethodSource("inProcessModels")
    void connectionsOverTheLimitGet503(Model model) throws IOException {
        try (HttpServer server = TestServers.start(model, TestServers.LIMITS.withMaxConnections(1));
             RawClient first = new RawClient(server.port())) {
            assertThat(first.send(RawClient.get("/hello")).read().status()).isEqualTo(200);
            try (RawClient second = new RawClient(server.port())) {
                RawClient.Response refused = second.read();
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Connection")).isEqualTo("close");
            }
            assertThat(first.send(RawClient.get("/hello")).read().status()).isEqualTo(200);
        }
    }

    /** A request and the status it must get. */
    record BadRequest(String name, String text, int status) {
        byte[] bytes() {
            return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        static final List<BadRequest> ALL = List.of(
                new BadRequest("request line over 8 KiB", "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414),
                new BadRequest("header section over 64 KiB", "GET / HTTP/1.1\r\nHost: t\r\n"
                        + ("X-Big: " + "b".repeat(8000) + "\r\n").repeat(9) + "\r\n", 431),
                new BadRequest("over 100 header fields", "GET / HTTP/1.1\r\nHost: t\r\n" + "X-F: 1\r\n".repeat(101) + "\r\n", 431),
                new BadRequest("garbage request line", "HELLO\r\n\r\n", 400),
                new BadRequest("unknown method", "BREW /pot HTTP/1.1\r\nHost: t\r\n\r\n", 501),
                new BadRequest("HTTP/2.0 version", "GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505),
                new BadRequest("lower-case version", "GET / http/1.1\r\nHost: t\r\n\r\n", 400),
                new BadRequest("both Content-Length and Transfer-Encoding",
                        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                new BadRequest("conflicting Content-Length", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400),
                new BadRequest("Content-Length list that disagrees", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3, 4\r\n\r\nabcd", 400),
                new BadRequest("negative Content-Length", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n", 400),
                new BadRequest("obs-fold", "GET / HTTP/1.1\r\nHost: t\r\nX-A: 1\r\n  continued\r\n\r\n", 400),
                new BadRequest("bare CR in a field", "GET / HTTP/1.1\r\nHost: t\r\nX-A: a\rb\r\n\r\n", 400),
                new BadRequest("bare LF line end", "GET / HTTP/1.1\nHost: t\n\n", 400),
                new BadRequest("space before colon", "GET / HTTP/1.1\r\nHost : t\r\n\r\n", 400),
                new BadRequest("no Host in HTTP/1.1", "GET / HTTP/1.1\r\n\r\n", 400),
                new BadRequest("two Host fields", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
                new BadRequest("unknown transfer coding", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
                new BadRequest("chunked not last", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
                new BadRequest("malformed chunk size", "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
                new BadRequest("NUL in a field value", "GET / HTTP/1.1\r\nHost: t\r\nX-A: a\0b\r\n\r\n", 400),
                new BadRequest("space in the target", "GET /a b HTTP/1.1\r\nHost: t\r\n\r\n", 400),
                new BadRequest("malformed percent-encoding", "GET /%zz HTTP/1.1\r\nHost: t\r\n\r\n", 400));
    }
}
