package dev.weft.engine;

import java.net.InetSocketAddress;
import java.time.Duration;

/** One concurrency model's way of running a server; {@link TcpServer} and {@link UdpServer} pick one per model. */
sealed interface Runner permits BlockingRunner, EventLoopRunner, ProcessRunner, DatagramRunner {

    InetSocketAddress address();

    /** Threads or processes doing the work right now, for metrics. */
    int workers();

    /** Stops accepting, lets in-flight work finish within {@code grace}, then closes everything. */
    void shutdown(Duration grace) throws InterruptedException;
}
