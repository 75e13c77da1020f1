package dev.weft.engine;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A UDP server: receives datagrams on an address and runs a {@link DatagramHandler} for each under a
 * {@link Model}. It also sends from the same socket, for services (chat) that talk first.
 */
public final class UdpServer extends Server implements DatagramSender {

    private UdpServer(ServerConfig config, Runner runner, ServerMetrics metrics) {
        super(config, runner, metrics);
    }

    /** Binds and starts receiving. */
    public static UdpServer start(ServerConfig config, DatagramHandler handler) throws IOException {
        ServerConfig effective = effective(config);
        ServerMetrics metrics = new ServerMetrics(config.model().spec());
        Runner runner = effective.model() instanceof Model.Processes processes
                ? new ProcessRunner(effective, metrics, true, processes.workers())
                : new DatagramRunner(effective, handler, metrics);
        return new UdpServer(config, runner, metrics);
    }

    @Override
    public void send(byte[] data, InetSocketAddress to) {
        if (!(runner instanceof DatagramRunner datagrams)) {
            throw new IllegalStateException("a processes supervisor has no socket of its own to send from");
        }
        datagrams.send(data, to);
    }

    @Override
    public UdpServer closeOnShutdown() {
        super.closeOnShutdown();
        return this;
    }
}
