package dev.weft.engine;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * What every running server offers whatever its transport: where it listens, its counters, its worker
 * processes, its start-up line, and a once-only graceful {@link #close()}.
 */
public abstract sealed class Server implements AutoCloseable permits TcpServer, UdpServer {

    final ServerConfig config;
    final Runner runner;
    private final ServerMetrics metrics;
    private final CountDownLatch closed = new CountDownLatch(1);
    /** The thread running {@link #close()}, null until it is called. */
    private Thread closer;

    Server(ServerConfig config, Runner runner, ServerMetrics metrics) {
        this.config = config;
        this.runner = runner;
        this.metrics = metrics;
        if (config.worker()) {
            Workers.announceReady(this::close);
        }
    }

    /** The model a server really runs in this process: a worker runs virtual whatever its supervisor runs. */
    static ServerConfig effective(ServerConfig config) {
        return config.withModel(config.worker() ? new Model.Virtual() : config.model());
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
        InetSocketAddress address = address();
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

    /**
     * Stops accepting, lets in-flight work finish within the grace period, then closes the rest. Idempotent, and
     * a second caller waits for the first to finish: a worker is closed both by its SIGTERM hook and by its stdin
     * watchdog, and a hook that returned at once let the JVM exit mid-drain (issue 19.2).
     */
    @Override
    public void close() {
        Thread first;
        synchronized (this) {
            first = closer;
            if (first == null) {
                closer = Thread.currentThread();
            }
        }
        if (first != null) {
            if (first != Thread.currentThread()) {
                awaitQuietly();
            }
            return;
        }
        try {
            runner.shutdown(config.limits().shutdownGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed.countDown();
        }
    }

    private void awaitQuietly() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Waits up to {@code timeout} for {@link #close()} to finish; true if it has. */
    public boolean awaitClosed(java.time.Duration timeout) throws InterruptedException {
        return closed.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Closes from a shutdown hook, so Ctrl-C and SIGTERM shut down gracefully. */
    public Server closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::close));
        return this;
    }
}
