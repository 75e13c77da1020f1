package dev.weft.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A UDP server: receives datagrams on an address and runs a {@link DatagramHandler} for each under a
 * {@link Model}. It also sends from the same socket, for services (chat) that talk first.
 */
public final class UdpServer implements AutoCloseable, DatagramSender {

    private final ServerConfig config;
    private final Runner runner;
    private final ServerMetrics metrics;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean closing;

    private UdpServer(ServerConfig config, Runner runner, ServerMetrics metrics) {
        this.config = config;
        this.runner = runner;
        this.metrics = metrics;
    }

    /** Binds and starts receiving. */
    public static UdpServer start(ServerConfig config, DatagramHandler handler) throws IOException {
        Model model = config.worker() ? new Model.Virtual() : config.model();
        ServerConfig effective = config.withModel(model);
        ServerMetrics metrics = new ServerMetrics(config.model().spec());
        Runner runner = model instanceof Model.Processes processes
                ? new ProcessRunner(effective, metrics, true, processes.workers())
                : new DatagramRunner(effective, handler, metrics);
        UdpServer server = new UdpServer(config, runner, metrics);
        if (config.worker()) {
            Workers.announceReady(server::close);
        }
        return server;
    }

    @Override
    public void send(byte[] data, InetSocketAddress to) {
        if (!(runner instanceof DatagramRunner datagrams)) {
            throw new IllegalStateException("a processes supervisor has no socket of its own to send from");
        }
        datagrams.send(data, to);
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

    public List<Long> workerPids() {
        return runner instanceof ProcessRunner processes ? processes.pids() : List.of();
    }

    /** E.g. {@code Serving time (UDP) on 127.0.0.1 port 13001 (model: virtual)}. */
    public String startupLine() {
        return TcpServer.startupLine(config, address());
    }

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

    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    public UdpServer closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::close));
        return this;
    }
}
