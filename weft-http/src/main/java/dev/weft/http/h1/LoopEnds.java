package dev.weft.http.h1;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import dev.weft.engine.Protocol;
import dev.weft.engine.Transport;

/**
 * HTTP/1.1 on the event-loop model: the loop does the socket I/O (reads, writes, zero-copy file sends,
 * TLS) and this protocol hands the bytes to the connection's {@link Http1Connection}, which runs on a virtual
 * thread because handlers may block. The connection logic is then the same code as on the blocking models.
 *
 * <p>Bytes read wait here until the connection takes them. When more than {@link #HIGH_WATER} wait (a
 * handler slower than its upload), this connection pauses reading until the handler has taken three
 * quarters of them: memory per connection stays bounded and the loop thread never waits.
 */
public final class LoopEnds implements Protocol, Source, Sink {

    static final long HIGH_WATER = 1 << 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private final Consumer<LoopEnds> connection;
    private Transport transport;
    private int offset;
    private long queued;
    private boolean lost;
    private boolean draining;
    private boolean paused;

    /** @param connection runs the HTTP connection over these ends; called on a new virtual thread */
    public LoopEnds(Consumer<LoopEnds> connection) {
        this.connection = connection;
    }

    public Transport transport() {
        return transport;
    }

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
        Thread.ofVirtual().name("weft-http-loop-conn").start(() -> connection.accept(this));
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        lock.lock();
        try {
            chunks.add(copy);
            queued += copy.length;
            arrived.signal();
            if (queued > HIGH_WATER && !paused) {
                paused = true;
                transport.pauseReading();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        lock.lock();
        try {
            lost = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void shutdownRequested(Transport transport) {
        lock.lock();
        try {
            draining = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read(byte[] b, int off, int len, long timeoutMillis, boolean betweenRequests) throws IOException {
        lock.lock();
        try {
            long waitNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (chunks.isEmpty() && !lost && !(draining && betweenRequests)) {
                if (waitNanos <= 0) {
                    throw new SocketTimeoutException("no bytes within " + timeoutMillis + " ms");
                }
                waitNanos = arrived.awaitNanos(waitNanos);
            }
            if (chunks.isEmpty()) {
                return -1;
            }
            byte[] head = chunks.peek();
            int n = Math.min(len, head.length - offset);
            System.arraycopy(head, offset, b, off, n);
            offset += n;
            if (offset == head.length) {
                chunks.poll();
                offset = 0;
            }
            queued -= n;
            if (paused && queued <= HIGH_WATER / 4) {
                paused = false;
                transport.resumeReading();
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for request bytes");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean draining() {
        lock.lock();
        try {
            return draining;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        transport.write(ByteBuffer.wrap(Arrays.copyOfRange(b, off, off + len)));
    }

    @Override
    public void sendFile(FileChannel file, long position, long count) throws IOException {
        transport.sendFile(file, position, count);
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public boolean isSecure() {
        return transport.isSecure();
    }
}
