package dev.weft.http.h1;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.engine.Protocol;
import dev.weft.engine.Transport;

/**
 * HTTP/1.1 on the event-loop model: the loop does the socket I/O (reads, writes, zero-copy file sends,
 * TLS) and this protocol hands the bytes to the connection's {@link Http1Connection}. With a
 * {@link dev.weft.http.HttpHandler#nonBlocking() non-blocking} handler the loop thread itself answers requests
 * without a body, as nginx and Netty do; the first step that may block (a body, a streamed response, an error to
 * linger over), and every step of a blocking handler, moves the connection to a virtual thread for good, where the
 * connection logic is the same blocking loop as on the other models.
 *
 * <p>Bytes read wait here until the connection takes them. When more than {@link #HIGH_WATER} wait (a
 * handler slower than its upload), this connection pauses reading until the handler has taken three
 * quarters of them: memory per connection stays bounded and the loop thread never waits.
 */
public final class LoopEnds implements Protocol, Source, Sink {

    private static final Logger log = LoggerFactory.getLogger(LoopEnds.class);

    static final long HIGH_WATER = 1 << 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private final Function<LoopEnds, Http1Connection> connect;
    private final boolean inline;
    private final Duration headerTimeout;
    private Http1Connection connection;
    /** Loop thread only: whether the connection has moved to its virtual thread. */
    private boolean escalated;
    /** Loop thread only: the 408 timer of a partial head on the inline path. */
    private Transport.Cancellable headTimer;
    private Transport transport;
    private int offset;
    private long queued;
    private boolean lost;
    private boolean draining;
    private boolean paused;

    /**
     * @param connect       makes the HTTP connection over these ends
     * @param inline        whether the loop thread may answer requests itself (the handler never blocks)
     * @param headerTimeout how long a started head may take on the inline path before a 408
     */
    public LoopEnds(Function<LoopEnds, Http1Connection> connect, boolean inline, Duration headerTimeout) {
        this.connect = connect;
        this.inline = inline;
        this.headerTimeout = headerTimeout;
    }

    public Transport transport() {
        return transport;
    }

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
        this.connection = connect.apply(this);
        if (!inline) {
            escalate();
        }
    }

    /** Moves the connection to a virtual thread, which goes on from what is buffered. */
    private void escalate() {
        escalated = true;
        cancelHeadTimer();
        Thread.ofVirtual().name("weft-http-loop-conn").start(connection::run);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (!escalated) {
            serveInline(data);
            if (!escalated) {
                return;
            }
        }
        if (!data.hasRemaining()) {
            return;
        }
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

    private void serveInline(ByteBuffer data) {
        long served = connection.served();
        connection.received(data);
        Http1Connection.Next next;
        try {
            next = connection.serveBuffered();
        } catch (IOException e) {
            log.debug("HTTP connection from {} ended: {}", transport.remoteAddress(), e.toString());
            cancelHeadTimer();
            transport.close();
            return;
        }
        if (next == Http1Connection.Next.CLOSED) {
            cancelHeadTimer();
            return;
        }
        if (next == Http1Connection.Next.BLOCKING || data.hasRemaining()) {
            escalate();
            return;
        }
        if (connection.served() != served || !connection.partialHead()) {
            cancelHeadTimer();
        }
        if (connection.partialHead()) {
            if (headTimer == null) {
                headTimer = transport.schedule(headerTimeout, () -> {
                    headTimer = null;
                    if (!escalated) {
                        connection.headTimedOut();
                    }
                });
            }
        } else if (draining()) {
            transport.close();
        }
    }

    private void cancelHeadTimer() {
        if (headTimer != null) {
            headTimer.cancel();
            headTimer = null;
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
        if (!escalated && !connection.partialHead()) {
            transport.close();
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

    /** The transport writes or copies the bytes before it returns, so no copy is needed here. */
    @Override
    public void write(byte[] b, int off, int len) {
        transport.write(ByteBuffer.wrap(b, off, len));
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
