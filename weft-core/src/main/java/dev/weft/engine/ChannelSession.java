package dev.weft.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection on the event loop: non-blocking reads feed the protocol, writes go out at once when the
 * socket takes them and are queued otherwise. Past {@link #HIGH_WATER} queued bytes the session stops
 * reading from the peer until the queue drains below {@link #LOW_WATER}. Every method runs on the loop
 * thread; calls from other threads are handed to it.
 */
final class ChannelSession implements Transport, SelectorLoop.Ready {

    private static final Logger log = LoggerFactory.getLogger(ChannelSession.class);
    static final long HIGH_WATER = 1 << 20;
    static final long LOW_WATER = 256 << 10;

    /** A file, or a part of one, waiting to be sent. */
    private static final class FileRegion {
        final FileChannel file;
        long position;
        final long end;
        ByteBuffer encrypted;
        /** Completed once the region is sent, or failed when the session closes first; null for a protocol's file. */
        final CompletableFuture<Void> sent;

        FileRegion(FileChannel file, long position, long end, CompletableFuture<Void> sent) {
            this.file = file;
            this.position = position;
            this.end = end;
            this.sent = sent;
        }
    }

    /**
     * Plaintext written on a TLS connection while a file is queued: sealed only when it reaches the head of the
     * queue, because TLS records carry sequence numbers and must go out in the order they were sealed.
     */
    private static final class LatePlain {
        final ByteBuffer plain;
        ByteBuffer encrypted;

        LatePlain(ByteBuffer plain) {
            this.plain = plain;
        }
    }

    /** Queued in place of the TLS close_notify while sealed records still wait behind a file. */
    private static final Object CLOSE_NOTIFY = new Object();

    private final SocketChannel channel;
    private final SelectorLoop loop;
    private final Protocol protocol;
    private final ServerMetrics metrics;
    private final ConnectionTracker tracker;
    private final Executor blocking;
    private final Duration readTimeout;
    private final TlsCodec tls;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final ConnectionTracker.Live live;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private SelectionKey key;
    private long queued;
    private boolean readPaused;
    private boolean protocolPaused;
    private boolean closeWhenFlushed;
    private volatile boolean closed;
    /** Set once the protocol handed the connection to a blocking handler; from then on the protocol is not called. */
    private SessionEnds handedOff;
    private boolean inputPaused;
    private boolean inputEnded;
    /** The connection's slot is released when the channel is closed and, after a hand-off, the handler returned. */
    private final AtomicInteger holds = new AtomicInteger(1);
    private long lastActivity = System.nanoTime();
    private final long handshakeNanos;

    /**
     * @param blocking where a handed-off connection's handler runs (the runner's virtual threads)
     */
    ChannelSession(SocketChannel channel, SelectorLoop loop, Protocol protocol, ServerConfig config,
                   ServerMetrics metrics, ConnectionTracker tracker, Executor blocking) throws IOException {
        this.channel = channel;
        this.blocking = blocking;
        this.readTimeout = config.limits().idleTimeout();
        this.loop = loop;
        this.protocol = protocol;
        this.metrics = metrics;
        this.tracker = tracker;
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.tls = config.tls() == null ? null : new TlsCodec(config, this);
        this.handshakeNanos = config.limits().tlsHandshakeLimit().toNanos();
        this.live = new ConnectionTracker.Live(() -> loop.execute(this::drain), () -> loop.execute(this::abort));
    }

    /** Registers with the loop's selector; runs on the loop thread. */
    void register() {
        try {
            key = channel.register(loop.selector, SelectionKey.OP_READ, this);
        } catch (IOException e) {
            log.debug("cannot register a connection: {}", e.toString());
            try {
                channel.close();
            } catch (IOException ignored) {
                // the connection was never served; nothing else to release
            }
            tracker.remove(null);
            return;
        }
        loop.sessions.add(this);
        tracker.add(live);
        guarded(() -> protocol.connectionMade(this));
        if (tls != null && !closed) {
            loop.schedule(handshakeNanos, this::handshakeDeadline);
            tls.begin();
        }
    }

    /**
     * Whether the connection has been quiet for too long. Before a hand-off any silence counts; after it only a
     * write the peer does not take, since the handler may compute as long as it likes and its reads time out alone.
     */
    boolean idleFor(long now, long idleNanos) {
        if (now - lastActivity <= idleNanos) {
            return false;
        }
        return handedOff == null || queued > 0 || handedOff.writingSince() != 0;
    }

    @Override
    public void ready(SelectionKey key) {
        if (key.isReadable()) {
            read();
        }
        if (!closed && key.isValid() && key.isWritable()) {
            flush();
        }
    }

    private void read() {
        ByteBuffer buffer = loop.readBuffer.clear();
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            closeNow(e);
            return;
        }
        if (n < 0) {
            if (handedOff != null) {
                endInput();
            } else {
                closeNow(null);
            }
            return;
        }
        if (n == 0) {
            return;
        }
        metrics.bytesIn(n);
        lastActivity = System.nanoTime();
        buffer.flip();
        if (tls != null) {
            tls.receive(buffer);
        } else {
            deliver(buffer);
        }
    }

    /**
     * Hands plaintext bytes to the protocol, or after a hand-off to the handler's input; what the protocol left in
     * {@code data} when it handed off goes to the handler first.
     */
    void deliver(ByteBuffer data) {
        if (handedOff == null) {
            guarded(() -> protocol.dataReceived(data));
        }
        if (handedOff != null && !closed) {
            handedOff.received(data);
        }
    }

    /** The peer will send no more: after a hand-off the handler reads to the end and may still write. */
    void endInput() {
        if (handedOff == null) {
            close();
            return;
        }
        inputEnded = true;
        updateReadInterest();
        handedOff.inputEnded();
    }

    /** Calls the protocol, unless the connection is closed or was handed off. */
    private void guarded(Runnable callback) {
        if (closed || handedOff != null) {
            return;
        }
        try {
            callback.run();
        } catch (RuntimeException e) {
            metrics.error();
            log.warn("protocol failed on a connection from {}", remote, e);
            closeNow(e);
        }
    }

    @Override
    public void write(ByteBuffer data) {
        if (!loop.inLoop()) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
            loop.execute(() -> write(copy));
            return;
        }
        if (closed || closeWhenFlushed) {
            return;
        }
        if (tls != null && sealsLater()) {
            int size = data.remaining();
            enqueue(new LatePlain(ByteBuffer.allocate(size).put(data).flip()), size);
        } else if (tls != null) {
            tls.wrap(data);
        } else {
            writeRaw(data);
        }
    }

    /** True while the queue holds plaintext that is sealed when it is sent, so later writes must wait behind it. */
    private boolean sealsLater() {
        for (Object item : queue) {
            if (!(item instanceof ByteBuffer)) {
                return true;
            }
        }
        return false;
    }

    /** Writes bytes as they go on the wire: straight away if nothing is queued, else after the queue. */
    void writeRaw(ByteBuffer data) {
        if (closed) {
            return;
        }
        if (queue.isEmpty()) {
            try {
                int n = channel.write(data);
                metrics.bytesOut(n);
                if (n > 0) {
                    lastActivity = System.nanoTime();
                }
            } catch (IOException e) {
                closeNow(e);
                return;
            }
            if (!data.hasRemaining()) {
                return;
            }
        }
        int size = data.remaining();
        enqueue(ByteBuffer.allocate(size).put(data).flip(), size);
    }

    /** A handler's write after a hand-off, copied by {@link SessionEnds}: written or queued, then reported back. */
    void writeHandedOff(ByteBuffer data, long size) {
        write(data);
        handedOff.taken(size, queued);
    }

    private void enqueue(Object item, long size) {
        queue.add(item);
        queued += size;
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        if (queued > HIGH_WATER && !readPaused) {
            readPaused = true;
            updateReadInterest();
        }
    }

    @Override
    public void sendFile(FileChannel file, long position, long count) {
        sendFile(file, position, count, null);
    }

    /** Queues a file region; {@code sent}, when not null, completes once it is sent or fails if the session closes. */
    void sendFile(FileChannel file, long position, long count, CompletableFuture<Void> sent) {
        if (!loop.inLoop()) {
            loop.execute(() -> sendFile(file, position, count, sent));
            return;
        }
        if (closed || closeWhenFlushed) {
            closeQuietly(file);
            if (sent != null) {
                sent.completeExceptionally(new java.net.SocketException("connection closed"));
            }
            return;
        }
        enqueue(new FileRegion(file, position, position + count, sent), count);
        flush();
    }

    private void flush() {
        try {
            flushQueue();
        } finally {
            if (handedOff != null) {
                handedOff.backlog(queued);
            }
        }
    }

    private void flushQueue() {
        try {
            while (!queue.isEmpty()) {
                Object head = queue.peek();
                if (head == CLOSE_NOTIFY) {
                    queue.poll();
                    tls.closeOutbound();
                    if (closed) {
                        return;
                    }
                    continue;
                }
                long before = queued;
                boolean done = switch (head) {
                    case ByteBuffer buffer -> writeBuffer(buffer);
                    case LatePlain late -> writeLate(late);
                    default -> writeRegion((FileRegion) head);
                };
                if (queued != before) {
                    lastActivity = System.nanoTime();
                }
                if (!done) {
                    return;
                }
                queue.poll();
                if (head instanceof FileRegion region) {
                    closeQuietly(region.file);
                    if (region.sent != null) {
                        region.sent.complete(null);
                    }
                }
            }
        } catch (IOException e) {
            closeNow(e);
            return;
        }
        key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        if (readPaused && queued < LOW_WATER) {
            readPaused = false;
            updateReadInterest();
        }
        if (closeWhenFlushed) {
            closeNow(null);
        }
    }

    private boolean writeBuffer(ByteBuffer buffer) throws IOException {
        int n = channel.write(buffer);
        queued -= n;
        metrics.bytesOut(n);
        return !buffer.hasRemaining();
    }

    private boolean writeRegion(FileRegion region) throws IOException {
        while (region.position < region.end || (region.encrypted != null && region.encrypted.hasRemaining())) {
            if (tls == null) {
                long n = region.file.transferTo(region.position, region.end - region.position, channel);
                if (n == 0) {
                    if (region.file.size() <= region.position) {
                        throw new IOException("file ended at byte " + region.position + " before " + region.end);
                    }
                    return false;
                }
                region.position += n;
                queued -= n;
                metrics.bytesOut(n);
                continue;
            }
            if (region.encrypted == null || !region.encrypted.hasRemaining()) {
                ByteBuffer plain = ByteBuffer.allocate((int) Math.min(16 * 1024, region.end - region.position));
                int n = region.file.read(plain, region.position);
                if (n < 0) {
                    throw new IOException("file ended at byte " + region.position + " before " + region.end);
                }
                region.encrypted = tls.seal(plain.flip());
                // a record may carry less than was read (TLS 1.3 leaves room for its own bytes): send the rest next
                region.position += plain.position();
                queued -= plain.position();
            }
            int n = channel.write(region.encrypted);
            metrics.bytesOut(n);
            if (region.encrypted.hasRemaining()) {
                return false;
            }
        }
        return true;
    }

    private boolean writeLate(LatePlain late) throws IOException {
        while (late.plain.hasRemaining() || (late.encrypted != null && late.encrypted.hasRemaining())) {
            if (late.encrypted == null || !late.encrypted.hasRemaining()) {
                int before = late.plain.remaining();
                late.encrypted = tls.seal(late.plain);
                queued -= before - late.plain.remaining();
            }
            metrics.bytesOut(channel.write(late.encrypted));
            if (late.encrypted.hasRemaining()) {
                return false;
            }
        }
        return true;
    }

    /** Reads from the peer only while neither our write queue nor the protocol asks for a pause. */
    private void updateReadInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = key.interestOps();
        boolean off = readPaused || protocolPaused || inputPaused || inputEnded;
        key.interestOps(off ? ops & ~SelectionKey.OP_READ : ops | SelectionKey.OP_READ);
    }

    @Override
    public void pauseReading() {
        setProtocolPaused(true);
    }

    @Override
    public void resumeReading() {
        setProtocolPaused(false);
    }

    private void setProtocolPaused(boolean paused) {
        if (!loop.inLoop()) {
            loop.execute(() -> setProtocolPaused(paused));
            return;
        }
        if (!closed && protocolPaused != paused) {
            protocolPaused = paused;
            updateReadInterest();
            if (!paused) {
                lastActivity = System.nanoTime();
            }
        }
    }

    /** The handed-off handler's input is over its high-water mark (true) or read down to low water (false). */
    void pauseInput(boolean paused) {
        if (!closed && inputPaused != paused) {
            inputPaused = paused;
            updateReadInterest();
            if (!paused) {
                lastActivity = System.nanoTime();
            }
        }
    }

    @Override
    public boolean ownThread() {
        return false;
    }

    @Override
    public void handOff(StreamHandler next) {
        if (!loop.inLoop()) {
            loop.execute(() -> handOff(next));
            return;
        }
        if (handedOff != null) {
            throw new IllegalStateException("the connection from " + remote + " was already handed off");
        }
        if (closed) {
            return;
        }
        handedOff = new SessionEnds(this, loop, readTimeout);
        protocolPaused = false;
        updateReadInterest();
        holds.incrementAndGet();
        Connection connection = new Connection(handedOff);
        try {
            blocking.execute(() -> runHandedOff(next, connection));
        } catch (RejectedExecutionException e) {
            release();
            closeNow(null);
        }
    }

    /** Runs the handler a protocol handed off to, on the runner's blocking executor; closes when it returns. */
    private void runHandedOff(StreamHandler next, Connection connection) {
        try {
            next.handle(connection);
        } catch (IOException e) {
            log.debug("connection from {} ended: {}", remote, e.toString());
        } catch (RuntimeException e) {
            metrics.error();
            log.warn("handler failed on a connection from {}", remote, e);
            abort();
        } finally {
            connection.close();
            release();
        }
    }

    /** Drops one hold on the connection's slot; the last one releases it. */
    private void release() {
        if (holds.decrementAndGet() == 0) {
            tracker.remove(live);
        }
    }

    private void drain() {
        if (handedOff != null) {
            handedOff.drain();
            return;
        }
        guarded(() -> protocol.shutdownRequested(this));
    }

    /** Closes a connection whose TLS handshake is still unfinished when its time is up, however active it was. */
    private void handshakeDeadline() {
        if (!closed && !tls.handshakeDone()) {
            closeNow(new SocketTimeoutException("TLS handshake not finished within " + handshakeNanos / 1_000_000 + " ms"));
        }
    }

    void timeout() {
        closeNow(new SocketTimeoutException("idle for longer than the limit"));
    }

    @Override
    public void close() {
        if (!loop.inLoop()) {
            loop.execute(this::close);
            return;
        }
        if (closed) {
            return;
        }
        if (tls != null && sealsLater()) {
            queue.add(CLOSE_NOTIFY);
        } else if (tls != null) {
            tls.closeOutbound();
        }
        closeWhenFlushed = true;
        if (queue.isEmpty()) {
            closeNow(null);
        }
    }

    /** Closes once what is queued (a TLS alert) has gone out; {@code cause} is logged. */
    void closeAfterFlush(Throwable cause) {
        log.debug("closing a connection: {}", cause.toString());
        closeWhenFlushed = true;
        if (queue.isEmpty()) {
            closeNow(cause);
        }
    }

    @Override
    public void abort() {
        if (!loop.inLoop()) {
            loop.execute(this::abort);
            return;
        }
        closeNow(null);
    }

    void closeNow(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing a connection: {}", e.toString());
        }
        for (Object item : queue) {
            if (item instanceof FileRegion region) {
                closeQuietly(region.file);
                if (region.sent != null) {
                    region.sent.completeExceptionally(new java.net.SocketException("connection closed"));
                }
            }
        }
        queue.clear();
        loop.sessions.remove(this);
        if (handedOff != null) {
            handedOff.backlog(0);
            handedOff.closed();
            release();
            return;
        }
        release();
        try {
            protocol.connectionLost(cause);
        } catch (RuntimeException e) {
            metrics.error();
            log.warn("protocol failed in connectionLost", e);
        }
    }

    private static void closeQuietly(FileChannel file) {
        try {
            file.close();
        } catch (IOException e) {
            log.debug("closing a sent file: {}", e.toString());
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return loop.schedule(delay.toNanos(), () -> guarded(task));
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public boolean isSecure() {
        return tls != null;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }
}
