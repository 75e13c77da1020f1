package dev.weft.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread, pool and virtual models: one acceptor thread hands each connection to a thread of the
 * model's executor, which serves it with {@link BlockingSession}. The pool model takes a permit per
 * connection before accepting, so when every pool thread is busy new clients wait in the listen backlog.
 */
final class BlockingRunner implements Runner {

    private static final Logger log = LoggerFactory.getLogger(BlockingRunner.class);
    static final int BACKLOG = 1024;

    private final ServerConfig config;
    private final ServerSocketChannel server;
    private final ExecutorService executor;
    private final Semaphore poolPermits;
    private final ConnectionTracker tracker;
    private final BlockingSession session;
    private final ScheduledExecutorService timer;
    private final Thread acceptor;
    private final AtomicInteger busy = new AtomicInteger();

    BlockingRunner(ServerConfig config, Handler handler, ServerMetrics metrics) throws IOException {
        this.config = config;
        this.server = openServer(config);
        this.tracker = new ConnectionTracker(config.limits().maxConnections(), metrics);
        this.timer = timer(config, tracker);
        this.session = new BlockingSession(config, handler, tracker, metrics, timer);
        this.executor = Runner.executor(config.model(), "weft-conn-");
        this.poolPermits = config.model() instanceof Model.Pool pool ? new Semaphore(pool.threads()) : null;
        metrics.workers(() -> executor instanceof ThreadPoolExecutor pool ? pool.getPoolSize() : busy.get());
        this.acceptor = Thread.ofPlatform().name("weft-accept-" + address().getPort()).start(this::acceptLoop);
    }

    static ServerSocketChannel openServer(ServerConfig config) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(config.address().getAddress() instanceof java.net.Inet6Address
                ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (config.worker()) {
                server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            server.bind(config.address(), BACKLOG);
            return server;
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + config.address().getAddress().getHostAddress() + " port "
                    + config.address().getPort() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The timer thread of the blocking connections: runs protocols' scheduled tasks, and once a second closes
     * connections whose write has been stuck for longer than the idle timeout (a peer that stopped reading).
     */
    static ScheduledExecutorService timer(ServerConfig config, ConnectionTracker tracker) {
        java.util.concurrent.ScheduledThreadPoolExecutor timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("weft-timer-" + config.service()).factory());
        timer.setRemoveOnCancelPolicy(true);
        long limit = config.limits().idleTimeout().toNanos();
        timer.scheduleWithFixedDelay(() -> tracker.abortStalledWriters(limit), 1, 1, TimeUnit.SECONDS);
        return timer;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                if (poolPermits != null) {
                    poolPermits.acquire();
                }
                SocketChannel channel = accept();
                if (channel == null) {
                    release();
                    return;
                }
                if (!tracker.tryReserve()) {
                    release();
                    BlockingSession.reject(channel, config.overloadReply());
                    continue;
                }
                executor.execute(() -> {
                    busy.incrementAndGet();
                    try {
                        session.serve(channel);
                    } finally {
                        busy.decrementAndGet();
                        release();
                    }
                });
            } catch (InterruptedException e) {
                return;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    /** The next connection, or null once the server is closed; waits out transient errors such as "too many open files". */
    private SocketChannel accept() throws InterruptedException {
        while (server.isOpen()) {
            try {
                return server.accept();
            } catch (ClosedChannelException e) {
                return null;
            } catch (IOException e) {
                log.warn("{}: accept failed: {}", config.service(), e.getMessage());
                Thread.sleep(20);
            }
        }
        return null;
    }

    private void release() {
        if (poolPermits != null) {
            poolPermits.release();
        }
    }

    @Override
    public InetSocketAddress address() {
        return Runner.boundAddress(server, config);
    }

    @Override
    public int workers() {
        return busy.get();
    }

    @Override
    public void shutdown(Duration grace) throws InterruptedException {
        try {
            server.close();
        } catch (IOException e) {
            log.debug("closing the listener: {}", e.toString());
        }
        acceptor.join(1000);
        tracker.drain(grace);
        executor.shutdown();
        if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
            executor.shutdownNow();
            executor.awaitTermination(2, TimeUnit.SECONDS);
        }
        timer.shutdownNow();
    }
}
