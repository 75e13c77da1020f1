package dev.weft.http;

import java.io.IOException;
import java.net.InetSocketAddress;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import dev.weft.engine.Model;
import dev.weft.engine.ProtocolFactory;
import dev.weft.engine.ServerConfig;
import dev.weft.http.h1.Http1Protocol;
import dev.weft.engine.TcpServer;

/**
 * An HTTP/1.1 server: the engine's {@link TcpServer} running weft's HTTP/1.1 protocol ({@link Http1Protocol})
 * around an {@link HttpHandler}, the same way under every concurrency model. {@link #close()} shuts down gracefully.
 *
 * <pre>{@code
 * try (HttpServer server = HttpServer.start(ServerConfig.builder("HTTP").build(),
 *         request -> HttpResponse.text(200, "hello " + request.path()))) {
 *     ...
 * }
 * }</pre>
 */
public final class HttpServer implements AutoCloseable {

    private final TcpServer tcp;

    private HttpServer(TcpServer tcp) {
        this.tcp = tcp;
    }

    /** Starts serving {@code handler} with the default {@link HttpSettings}. */
    public static HttpServer start(ServerConfig config, HttpHandler handler) throws IOException {
        return start(config, HttpSettings.DEFAULT, handler);
    }

    /**
     * Binds and starts serving; returns once connections are accepted. Connections beyond the engine's
     * limit get a 503 (set as the config's overload reply unless it already has one).
     *
     * @throws IOException naming the address when it cannot be bound
     */
    public static HttpServer start(ServerConfig config, HttpSettings settings, HttpHandler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(settings, "settings");
        ServerConfig effective = config.overloadReply().length > 0 ? config : config.withOverloadReply(OVERLOAD_REPLY);
        if (effective.applicationProtocols().isEmpty()) {
            effective = effective.withApplicationProtocols(APPLICATION_PROTOCOLS);
        }
        long idle = config.limits().idleTimeout().toMillis();
        ProtocolFactory protocol = () -> new Http1Protocol(handler, settings, idle);
        return new HttpServer(TcpServer.start(effective, protocol));
    }

    /**
     * The model {@code weft serve} runs without {@code --model}: an event loop per core. Measured against the virtual
     * model on a web-app route, a 4 KiB file and 1,000 connections (docs/benchmarks.md, issue 21), it answered as many
     * requests or more with a lower p99: the loops read every connection without re-arming epoll per request,
     * answer file requests themselves, and hand a blocking handler's connections to virtual threads.
     */
    public static final Model DEFAULT_MODEL = new Model.EventLoop(Runtime.getRuntime().availableProcessors());

    /** What TLS clients are offered by ALPN: this server speaks HTTP/1.1 only, so an h2-first client falls back. */
    static final List<String> APPLICATION_PROTOCOLS = List.of("http/1.1");

    /** What a connection over the limit gets before it is closed. */
    static final byte[] OVERLOAD_REPLY = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: 45\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
            + "503 Service Unavailable\ntoo many connections\n").getBytes(StandardCharsets.US_ASCII);

    public int port() {
        return tcp.port();
    }

    public InetSocketAddress address() {
        return tcp.address();
    }

    /** The engine server underneath, for metrics, the start-up line and waiting. */
    public TcpServer tcp() {
        return tcp;
    }

    /** The start-up line, e.g. {@code Serving HTTP on 127.0.0.1 port 8000 (model: virtual)}. */
    public String startupLine() {
        return tcp.startupLine();
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        tcp.awaitClosed();
    }

    @Override
    public void close() {
        tcp.close();
    }
}
