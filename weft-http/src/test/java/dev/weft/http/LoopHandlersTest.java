package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;

/** Which thread the event-loop model calls a handler on, and that moving a connection off the loop keeps order. */
class LoopHandlersTest {

    private final List<String> threads = new CopyOnWriteArrayList<>();

    /** Answers with the body it got (if any) and records whether it ran on a virtual thread. */
    private HttpResponse record(HttpRequest request) throws IOException {
        threads.add(request.path() + (Thread.currentThread().isVirtual() ? " virtual" : " loop"));
        byte[] body = request.bodyBytes();
        return HttpResponse.text(200, request.path() + ":" + new String(body, StandardCharsets.UTF_8));
    }

    private HttpServer start(HttpHandler handler) throws IOException {
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", 0).model(new Model.EventLoop(1)).build();
        return HttpServer.start(config, TestServers.SETTINGS, handler);
    }

    @Test
    void aNonBlockingHandlerAnswersRequestsWithoutABodyOnTheLoopThread() throws IOException {
        try (HttpServer server = start(HttpHandler.nonBlocking(this::record));
             RawClient client = new RawClient(server.port())) {
            assertThat(client.send(RawClient.get("/a")).read().body()).isEqualTo("/a:");
            assertThat(client.send(RawClient.get("/b")).read().body()).isEqualTo("/b:");
        }
        assertThat(threads).containsExactly("/a loop", "/b loop");
    }

    @Test
    void aBlockingHandlerNeverRunsOnTheLoopThread() throws IOException {
        try (HttpServer server = start(this::record);
             RawClient client = new RawClient(server.port())) {
            assertThat(client.send(RawClient.get("/a")).read().body()).isEqualTo("/a:");
        }
        assertThat(threads).containsExactly("/a virtual");
    }

    @Test
    void aRequestWithABodyMovesTheConnectionOffTheLoopAndPipelinedAnswersStayInOrder() throws IOException {
        try (HttpServer server = start(HttpHandler.nonBlocking(this::record));
             RawClient client = new RawClient(server.port())) {
            client.send(RawClient.get("/first") + "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                    + RawClient.get("/last"));
            assertThat(client.read().body()).isEqualTo("/first:");
            assertThat(client.read().body()).isEqualTo("/upload:abc");
            assertThat(client.read().body()).isEqualTo("/last:");
        }
        assertThat(threads).containsExactly("/first loop", "/upload virtual", "/last virtual");
    }

    @Test
    void aStreamedResponseFromTheLoopIsSentWholeAndTheConnectionGoesOn() throws IOException {
        HttpHandler streams = request -> "/stream".equals(request.path())
                ? HttpResponse.ok().writer(out -> out.write("x".repeat(100_000).getBytes(StandardCharsets.US_ASCII)))
                : HttpResponse.text(200, "after");
        try (HttpServer server = start(HttpHandler.nonBlocking(streams));
             RawClient client = new RawClient(server.port())) {
            client.send(RawClient.get("/stream") + RawClient.get("/next"));
            RawClient.Response streamed = client.read();
            assertThat(streamed.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(streamed.body()).hasSize(100_000);
            assertThat(client.read().body()).isEqualTo("after");
        }
    }

    @Test
    void aHeadStartedOnTheLoopThatStopsGets408() throws IOException {
        try (HttpServer server = start(HttpHandler.nonBlocking(this::record));
             RawClient client = new RawClient(server.port())) {
            client.send("GET /slow HTTP/1.1\r\nHost: x\r\n");
            RawClient.Response response = client.read();
            assertThat(response.status()).isEqualTo(408);
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(threads).isEmpty();
    }
}
