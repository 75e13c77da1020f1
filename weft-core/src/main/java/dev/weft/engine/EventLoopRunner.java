package dev.weft.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-loop model: N selector threads; the first also accepts and deals connections out round-robin.
 * A {@link ProtocolFactory} runs on the loops with non-blocking I/O; when one of its protocols hands its
 * connection off ({@link Transport#handOff}), the handler runs on this runner's virtual threads while the loop
 * keeps the socket. A blocking {@link StreamHandler} cannot run on a selector thread, so the loop hands each of its
 * connections to a virtual thread over a blocking socket.
 */
final class EventLoopRunner implements Runner {

    private static final Logger log = LoggerFactory.getLogger(EventLoopRunner.class);

    private final ServerConfig config;
    private final Handler handler;
    private final ServerMetrics metrics;
    private final ServerSocketChannel server;
    private final SelectorLoop[] loops;
    private final ConnectionTracker tracker;
    private final ExecutorService blocking;
    private final ScheduledExecutorService timer;
    private final BlockingSession blockingSession;
    /** Handlers running on {@link #blocking} right now, counted as workers beside the loops. */
    private final AtomicInteger busy = new AtomicInteger();
    private int next;

    EventLoopRunner(ServerConfig config, Handler handler, ServerMetrics metrics, int loopCount) throws IOException {
        this.config = config;
        this.handler = handler;
        this.metrics = metrics;
        this.tracker = new ConnectionTracker(config.limits().maxConnections(), metrics);
        this.server = BlockingRunner.openServer(config);
        this.loops = new SelectorLoop[loopCount];
        long idle = config.limits().idleTimeout().toNanos();
        for (int i = 0; i < loopCount; i++) {
            loops[i] = new SelectorLoop("weft-loop-" + i, idle);
        }
        blocking = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("weft-virtual-", 0).factory());
        if (handler instanceof StreamHandler) {
            timer = BlockingRunner.timer(config, tracker);
            blockingSession = new BlockingSession(config, handler, tracker, metrics, timer);
        } else {
            timer = null;
            blockingSession = null;
        }
        server.configureBlocking(false);
        server.register(loops[0].selector, SelectionKey.OP_ACCEPT, (SelectorLoop.Ready) key -> acceptAll());
        metrics.workers(() -> loops.length + busy.get());
        for (SelectorLoop loop : loops) {
            loop.start();
        }
    }

    private void acceptAll() {
        for (int i = 0; i < 64; i++) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                log.warn("{}: accept failed: {}", config.service(), e.getMessage());
                return;
            }
            if (channel == null) {
                return;
            }
            if (!tracker.tryReserve()) {
                BlockingSession.reject(channel, config.overloadReply());
                continue;
            }
            dispatch(channel);
        }
    }

    private void dispatch(SocketChannel channel) {
        if (handler instanceof ProtocolFactory factory) {
            SelectorLoop loop = loops[next++ % loops.length];
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ChannelSession session = new ChannelSession(channel, loop, factory.create(), config, metrics, tracker,
                        this::runBlocking);
                loop.execute(session::register);
            } catch (IOException | RuntimeException e) {
                log.debug("{}: cannot set up a connection: {}", config.service(), e.toString());
                closeQuietly(channel);
                tracker.remove(null);
            }
        } else {
            runBlocking(() -> blockingSession.serve(channel));
        }
    }

    /** Runs blocking work on this runner's virtual threads, counted as a worker while it runs. */
    private void runBlocking(Runnable task) {
        blocking.execute(() -> {
            busy.incrementAndGet();
            try {
                task.run();
            } finally {
                busy.decrementAndGet();
            }
        });
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // never served; nothing to report
        }
    }

    @Override
    public InetSocketAddress address() {
        return Runner.boundAddress(server, config);
    }

    @Override
    public int workers() {
        return loops.length;
    }

    @Override
    public void shutdown(Duration grace) throws InterruptedException {
        loops[0].execute(() -> {
            try {
                server.close();
            } catch (IOException e) {
                log.debug("closing the listener: {}", e.toString());
            }
        });
        tracker.drain(grace);
        for (SelectorLoop loop : loops) {
            loop.stop();
        }
        blocking.shutdown();
        if (!blocking.awaitTermination(2, TimeUnit.SECONDS)) {
            blocking.shutdownNow();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
