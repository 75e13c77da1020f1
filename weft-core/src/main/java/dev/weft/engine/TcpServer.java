package dev.weft.engine;

import java.io.IOException;

/**
 * A TCP server: listens on an address and runs a service's {@link Handler} under a {@link Model}.
 */
public final class TcpServer extends Server {

    private TcpServer(ServerConfig config, Runner runner, ServerMetrics metrics) {
        super(config, runner, metrics);
    }

    /**
     * Binds and starts serving; returns once the server accepts connections.
     *
     * @throws IOException naming the address when it cannot be bound or a worker cannot start
     */
    public static TcpServer start(ServerConfig config, Handler handler) throws IOException {
        ServerConfig effective = effective(config);
        ServerMetrics metrics = new ServerMetrics(config.model().spec());
        Runner runner = switch (effective.model()) {
            case Model.PerConnectionThread t -> new BlockingRunner(effective, handler, metrics);
            case Model.Pool p -> new BlockingRunner(effective, handler, metrics);
            case Model.Virtual v -> new BlockingRunner(effective, handler, metrics);
            case Model.EventLoop loop -> new EventLoopRunner(effective, handler, metrics, loop.loops());
            case Model.Processes processes -> new ProcessRunner(effective, metrics, false, processes.workers());
        };
        return new TcpServer(config, runner, metrics);
    }

    @Override
    public TcpServer closeOnShutdown() {
        super.closeOnShutdown();
        return this;
    }
}
