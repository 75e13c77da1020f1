package dev.weft.engine;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP server: listens on an address and runs a service's {@link Handler} under a {@link Model}.
 * {@link #close()} shuts it down gracefully: no new connections, in-flight work gets the grace period.
 */
public final class TcpServer implements AutoCloseable {

    private final ServerConfig config;
    private final Runner runner;
    private final ServerMetrics metrics;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean closing;

    private TcpServer(ServerConfig config, Runner runner, ServerMetrics metrics) {
        this.config = config;
        this.runner = runner;
        this.metrics = metrics;
    }

    /**
     * Binds and starts serving; returns once the server accepts connections.
     *
     * @throws IOException naming the address when it cannot be bound or a worker cannot start
     */
    public static TcpServer start(ServerConfig config, Handler handler) throws IOException {
        Model model = config.worker() ? new Model.Virtual() : config.model();
        ServerConfig effective = config.withModel(model);
        ServerMetrics metrics = new ServerMetrics(config.model().spec());
        Runner runner = switch (model) {
            case Model.PerConnectionThread t -> new BlockingRunner(effective, handler, metrics);
            case Model.Pool p -> new BlockingRunner(effective, handler, metrics);
            case Model.Virtual v -> new BlockingRunner(effective, handler, metrics);
            case Model.EventLoop loop -> new EventLoopRunner(effective, handler, metrics, loop.loops());
            case Model.Processes processes -> new ProcessRunner(effective, metrics, false, processes.workers());
        };
        TcpServer server = new TcpServer(config, runner, metrics);
        if (config.worker()) {
            Workers.announceReady(server::close);
        }
        return server;
    }

    public InetSocketAddress address() {
        return runner.address();
    }

    public int port() {
        return runner.address().getPort();
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public ServerConfig config() {
        return config;
    }

    /** The worker processes' pids under {@link Model.Processes}; empty for other models. */
    public List<Long> workerPids() {
        return runner instanceof ProcessRunner processes ? processes.pids() : List.of();
    }

    /** The line a server prints when it starts, e.g. {@code Serving echo on 127.0.0.1 port 7000 (model: virtual)}. */
    public String startupLine() {
        return startupLine(config, address());
    }

    static String startupLine(ServerConfig config, InetSocketAddress address) {
        StringBuilder line = new StringBuilder("Serving ").append(config.service()).append(" on ")
                .append(address.getAddress().getHostAddress().replaceFirst("^0:0:0:0:0:0:0:0$", "::"))
                .append(" port ").append(address.getPort()).append(" (");
        if (address.getAddress() instanceof Inet6Address) {
            line.append("IPv6, ");
        }
        line.append("model: ").append(config.model().spec());
        if (config.tls() != null) {
            line.append(", TLS");
        }
        return line.append(')').toString();
    }

    /** Stops accepting, lets in-flight work finish within the grace period, then closes the rest. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            runner.shutdown(config.limits().shutdownGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed.countDown();
        }
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Closes with a shutdown hook: Ctrl-C and SIGTERM shut down gracefully. */
    public TcpServer closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::close));
        return this;
    }
}
