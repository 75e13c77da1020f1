package dev.weft.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UDP under the in-process models. Blocking models: one receiver thread reads each datagram and runs the
 * handler on the model's thread (a new one, a pool's, a virtual one). Event loop: the socket is
 * non-blocking on one selector thread, which calls the handler itself; a datagram socket has no
 * connections to spread over more loops.
 */
final class DatagramRunner implements Runner, DatagramSender {

    private static final Logger log = LoggerFactory.getLogger(DatagramRunner.class);

    /**
     * The socket receive buffer asked for: the Linux default (208 KiB) holds only a few hundred small
     * datagrams, which a burst overruns while handler threads start. The kernel caps it at rmem_max.
     */
    static final int RECEIVE_BUFFER = 4 << 20;

    private final ServerConfig config;
    private final DatagramHandler handler;
    private final ServerMetrics metrics;
    private final DatagramChannel channel;
    private final ExecutorService executor;
    private final Semaphore poolPermits;
    private final SelectorLoop loop;
    private final Thread receiver;
    private final ByteBuffer buffer;
    /** Datagrams read so far; only the one reading thread (receiver or selector) touches it. */
    private long received;

    DatagramRunner(ServerConfig config, DatagramHandler handler, ServerMetrics metrics) throws IOException {
        this.config = config;
        this.handler = handler;
        this.metrics = metrics;
        this.channel = open(config);
        this.buffer = ByteBuffer.allocate(config.limits().maxDatagram() + 1);
        Model model = config.model();
        this.poolPermits = model instanceof Model.Pool pool ? new Semaphore(pool.threads() * 4) : null;
        this.executor = switch (model) {
            case Model.PerConnectionThread t -> Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("weft-udp-", 0).factory());
            case Model.Pool pool -> Executors.newFixedThreadPool(pool.threads(), Thread.ofPlatform().name("weft-pool-", 0).factory());
            case Model.EventLoop loops -> null;
            default -> Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("weft-udp-", 0).factory());
        };
        if (executor == null) {
            channel.configureBlocking(false);
            loop = new SelectorLoop("weft-loop-udp", Long.MAX_VALUE);
            channel.register(loop.selector, SelectionKey.OP_READ, (SelectorLoop.Ready) key -> receiveReady());
            receiver = null;
            loop.start();
        } else {
            loop = null;
            receiver = Thread.ofPlatform().name("weft-udp-receive-" + address().getPort()).start(this::receiveLoop);
        }
        metrics.workers(() -> 1);
    }

    private static DatagramChannel open(ServerConfig config) throws IOException {
        DatagramChannel channel = DatagramChannel.open(config.address().getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            // no SO_REUSEADDR: on UDP it lets a second server bind a busy port and steal half its datagrams;
            // only the processes model's workers share a port, on purpose, through SO_REUSEPORT
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            if (config.worker()) {
                channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            channel.bind(config.address());
            return channel;
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen on " + config.address().getAddress().getHostAddress() + " port "
                    + config.address().getPort() + ": " + e.getMessage(), e);
        }
    }

    private void receiveLoop() {
        while (channel.isOpen()) {
            Datagram datagram;
            try {
                datagram = receive();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.debug("{}: receive failed: {}", config.service(), e.toString());
                continue;
            }
            try {
                if (poolPermits != null) {
                    poolPermits.acquire();
                }
                executor.execute(() -> {
                    try {
                        handle(datagram);
                    } finally {
                        if (poolPermits != null) {
                            poolPermits.release();
                        }
                    }
                });
            } catch (InterruptedException | java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void receiveReady() {
        try {
            for (Datagram datagram = receive(); datagram != null; datagram = receive()) {
                handle(datagram);
            }
        } catch (IOException e) {
            log.debug("{}: receive failed: {}", config.service(), e.toString());
        }
    }

    /** The next datagram, or null when a non-blocking socket has none. */
    private Datagram receive() throws IOException {
        buffer.clear();
        InetSocketAddress sender = (InetSocketAddress) channel.receive(buffer);
        if (sender == null) {
            return null;
        }
        int length = buffer.position();
        int max = config.limits().maxDatagram();
        metrics.datagram();
        metrics.bytesIn(length);
        boolean truncated = length > max;
        return new Datagram(sender, Arrays.copyOf(buffer.array(), Math.min(length, max)), truncated, received++);
    }

    private void handle(Datagram datagram) {
        try {
            handler.received(datagram, this);
        } catch (RuntimeException e) {
            metrics.error();
            log.warn("{}: handler failed on a datagram from {}", config.service(), datagram.sender(), e);
        }
    }

    @Override
    public void send(byte[] data, InetSocketAddress to) {
        try {
            metrics.bytesOut(channel.send(ByteBuffer.wrap(data), to));
        } catch (IOException e) {
            metrics.error();
            log.debug("{}: cannot send to {}: {}", config.service(), to, e.toString());
        }
    }

    @Override
    public InetSocketAddress address() {
        return Runner.boundAddress(channel, config);
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public void shutdown(Duration grace) throws InterruptedException {
        if (loop != null) {
            loop.execute(this::closeChannel);
            loop.stop();
            return;
        }
        closeChannel();
        receiver.join(1000);
        executor.shutdown();
        if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing the UDP socket: {}", e.toString());
        }
    }
}
