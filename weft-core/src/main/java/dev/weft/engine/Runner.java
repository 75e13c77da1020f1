package dev.weft.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One concurrency model's way of running a server; {@link TcpServer} and {@link UdpServer} pick one per model. */
sealed interface Runner permits BlockingRunner, EventLoopRunner, ProcessRunner, DatagramRunner {

    InetSocketAddress address();

    /** Threads or processes doing the work right now, for metrics. */
    int workers();

    /** Stops accepting, lets in-flight work finish within {@code grace}, then closes everything. */
    void shutdown(Duration grace) throws InterruptedException;

    /** Where {@code channel} is bound, or the configured address if it is already closed. */
    static InetSocketAddress boundAddress(NetworkChannel channel, ServerConfig config) {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return config.address();
        }
    }

    /** The executor a blocking model runs its work on: a thread per task, a fixed pool, or virtual threads. */
    static ExecutorService executor(Model model, String prefix) {
        return switch (model) {
            case Model.PerConnectionThread t -> Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name(prefix, 0).factory());
            case Model.Pool pool -> Executors.newFixedThreadPool(pool.threads(), Thread.ofPlatform().name("weft-pool-", 0).factory());
            default -> Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("weft-virtual-", 0).factory());
        };
    }
}
