package dev.weft.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drives a {@link Protocol} from a blocking read loop, for the thread, pool, virtual and processes models.
 * One lock serialises the protocol's callbacks (reads, timers, shutdown); writes go straight to the socket,
 * so a slow reader blocks the writer: that is the back-pressure. A {@link #handOff} ends the read loop and runs
 * the blocking handler on the same thread over the same connection, with the bytes the protocol left unread first.
 */
final class StreamTransport implements Transport {

    private static final int READ_BUFFER = 16 * 1024;

    private final Connection connection;
    private final Protocol protocol;
    private final ScheduledExecutorService timer;
    private final ServerMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean open = true;
    private boolean paused;
    /** The handler the protocol handed the connection to, taken up once the current callback returns. */
    private volatile StreamHandler handedOff;
    private final java.util.concurrent.locks.Condition resumed = lock.newCondition();

    StreamTransport(Connection connection, Protocol protocol, ScheduledExecutorService timer, ServerMetrics metrics) {
        this.connection = connection;
        this.protocol = protocol;
        this.timer = timer;
        this.metrics = metrics;
    }

    /**
     * Reads until the peer or the protocol closes, then reports the loss; returns when the connection is done. After
     * a hand-off, runs the handler instead and returns when it does.
     */
    void run() throws IOException {
        Throwable cause = null;
        try {
            locked(() -> protocol.connectionMade(this));
            byte[] buffer = handedOff == null ? new byte[READ_BUFFER] : null;
            while (open && handedOff == null) {
                awaitResumed();
                int n = connection.input().read(buffer);
                if (n < 0) {
                    break;
                }
                if (handedOff != null) {
                    connection.unread(java.util.Arrays.copyOf(buffer, n));
                    break;
                }
                ByteBuffer data = ByteBuffer.wrap(buffer, 0, n);
                locked(() -> protocol.dataReceived(data));
                if (handedOff != null && data.hasRemaining()) {
                    byte[] left = new byte[data.remaining()];
                    data.get(left);
                    connection.unread(left);
                }
            }
            StreamHandler next = handedOff;
            if (next != null && open) {
                open = false;
                next.handle(connection);
                return;
            }
        } catch (IOException e) {
            if (open) {
                cause = e;
            }
        } catch (RuntimeException e) {
            cause = e;
            throw e;
        } finally {
            boolean wasHandedOff = handedOff != null;
            open = false;
            Throwable lost = cause;
            lock.lock();
            try {
                if (!wasHandedOff) {
                    protocol.connectionLost(lost);
                }
            } finally {
                lock.unlock();
                connection.close();
            }
        }
    }

    /** Holds the read loop while the protocol has paused reading. */
    private void awaitResumed() throws java.io.InterruptedIOException {
        lock.lock();
        try {
            while (paused && open) {
                resumed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading was paused");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void pauseReading() {
        lock.lock();
        try {
            paused = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void resumeReading() {
        lock.lock();
        try {
            paused = false;
            resumed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable callback) {
        lock.lock();
        try {
            if (open) {
                callback.run();
            }
        } finally {
            lock.unlock();
        }
    }

    void drain() {
        if (handedOff != null) {
            connection.drain();
            return;
        }
        locked(() -> protocol.shutdownRequested(this));
    }

    @Override
    public boolean ownThread() {
        return true;
    }

    @Override
    public void handOff(StreamHandler next) {
        if (handedOff != null) {
            throw new IllegalStateException("the connection from " + remoteAddress() + " was already handed off");
        }
        handedOff = next;
    }

    @Override
    public void write(ByteBuffer data) {
        lock.lock();
        try {
            if (!open) {
                return;
            }
            if (data.hasArray()) {
                connection.output().write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            } else {
                byte[] copy = new byte[data.remaining()];
                data.duplicate().get(copy);
                connection.output().write(copy);
            }
            data.position(data.limit());
        } catch (IOException e) {
            metrics.error();
            abort();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void sendFile(FileChannel file, long position, long count) throws IOException {
        lock.lock();
        try (file) {
            if (open) {
                connection.sendFile(file, position, count);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        abort();
    }

    @Override
    public void abort() {
        open = false;
        connection.close();
        resumeReading();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = timer.schedule(() -> locked(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return connection.localAddress();
    }

    @Override
    public boolean isSecure() {
        return connection.isSecure();
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
