package dev.weft.http;

import java.io.IOException;
import java.net.InetSocketAddress;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;

/**
 * An HTTP/1.1 server: the engine's {@link TcpServer} running weft's HTTP/1.1 connection protocol around an
 * {@link HttpHandler}, under any concurrency model. {@link #close()} shuts down gracefully.
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
        throw new UnsupportedOperationException("the HTTP/1.1 connection protocol lands in the next commit");
    }

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

    @Override
    public void close() {
        tcp.close();
    }
}
