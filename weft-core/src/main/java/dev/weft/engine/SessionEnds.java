package dev.weft.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ends of a {@link Connection} whose event-loop session was handed off to a blocking handler
 * ({@link Transport#handOff}). The loop keeps doing the socket I/O and TLS; this class is the bridge between the
 * loop thread and the handler's thread, with the same bounds in both directions:
 * <ul>
 * <li>input: the loop appends what it reads; past {@link ChannelSession#HIGH_WATER} unread bytes the session stops
 * reading from the peer, and resumes once the handler has read it down to {@link ChannelSession#LOW_WATER};</li>
 * <li>output: a write is handed to the loop's write queue and blocks the writer while more than the high-water mark
 * is queued or in transit, until the loop has sent it down to low water (a slow reader blocks the writer, as a
 * socket does); a file is sent by the loop (zero-copy, or sealed by its TLS) and the writer waits until it is.</li>
 * </ul>
 * Reads honour the read timeout, and return end of stream when the peer ended its input or the server drains
 * with nothing buffered; once the session is closed, reads and writes throw.
 */
final class SessionEnds implements Ends {

    private final ChannelSession session;
    private final SelectorLoop loop;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private final InputStream in = new Input();
    private final OutputStream out = new Output();
    /** Bytes handed to the loop whose write task has not run yet. */
    private final AtomicLong inTransit = new AtomicLong();
    /** The session's write queue in bytes, as the loop last reported it. */
    private volatile long loopQueued;
    private volatile boolean writerWaiting;
    private volatile long writingSince;
    private volatile boolean draining;
    private int offset;
    private long unread;
    private boolean inputPaused;
    private boolean ended;
    private boolean closed;
    private long readTimeoutNanos;

    SessionEnds(ChannelSession session, SelectorLoop loop, Duration readTimeout) {
        this.session = session;
        this.loop = loop;
        this.readTimeoutNanos = readTimeout.toNanos();
    }

    // ---- called on the loop thread ----

    /** Bytes from the peer (plaintext); copied, so the loop may reuse the buffer. */
    void received(ByteBuffer data) {
        if (!data.hasRemaining()) {
            return;
        }
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        boolean pause = false;
        lock.lock();
        try {
            chunks.add(copy);
            unread += copy.length;
            readable.signal();
            if (unread > ChannelSession.HIGH_WATER && !inputPaused) {
                inputPaused = true;
                pause = true;
            }
        } finally {
            lock.unlock();
        }
        if (pause) {
            session.pauseInput(true);
        }
    }

    /** The peer ended its input (FIN or TLS close_notify): reads return -1 once the buffer is empty. */
    void inputEnded() {
        lock.lock();
        try {
            ended = true;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The session is closed: wake everyone, reads and writes throw from now on. */
    void closed() {
        lock.lock();
        try {
            closed = true;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The loop's write queue holds {@code queued} bytes now; wakes a blocked writer once it is low enough. */
    void backlog(long queued) {
        loopQueued = queued;
        if (writerWaiting && queued + inTransit.get() <= ChannelSession.LOW_WATER) {
            lock.lock();
            try {
                writable.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A write handed over by {@link Output#write} has been taken by the session. */
    void taken(long bytes, long queued) {
        inTransit.addAndGet(-bytes);
        backlog(queued);
    }

    /** How many bytes from the peer wait for the handler, for tests and the back-pressure check. */
    long unread() {
        lock.lock();
        try {
            return unread;
        } finally {
            lock.unlock();
        }
    }

    // ---- called by the handler ----

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return session.remoteAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return session.localAddress();
    }

    @Override
    public boolean isSecure() {
        return session.isSecure();
    }

    @Override
    public void readTimeout(Duration timeout) {
        lock.lock();
        try {
            readTimeoutNanos = Math.max(1_000_000, timeout.toNanos());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void sendFile(FileChannel file, long position, long count) throws IOException {
        if (!session.isOpen()) {
            throw new SocketException("connection closed");
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        writingSince = System.nanoTime();
        try {
            loop.execute(() -> session.sendFile(file, position, count, sent));
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.abort();
            throw new InterruptedIOException("interrupted while sending a file");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            writingSince = 0;
        }
    }

    @Override
    public boolean draining() {
        return draining;
    }

    @Override
    public void drain() {
        draining = true;
        lock.lock();
        try {
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long writingSince() {
        return writingSince;
    }

    @Override
    public void close() {
        session.close();
    }

    private final class Input extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            boolean resume = false;
            int n;
            lock.lock();
            try {
                long wait = readTimeoutNanos;
                while (chunks.isEmpty()) {
                    if (closed) {
                        throw new SocketException("connection closed");
                    }
                    if (ended || draining) {
                        return -1;
                    }
                    if (wait <= 0) {
                        throw new SocketTimeoutException("no bytes within " + readTimeoutNanos / 1_000_000 + " ms");
                    }
                    wait = readable.awaitNanos(wait);
                }
                byte[] head = chunks.peek();
                n = Math.min(len, head.length - offset);
                System.arraycopy(head, offset, b, off, n);
                offset += n;
                if (offset == head.length) {
                    chunks.poll();
                    offset = 0;
                }
                unread -= n;
                if (inputPaused && unread <= ChannelSession.LOW_WATER) {
                    inputPaused = false;
                    resume = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for input");
            } finally {
                lock.unlock();
            }
            if (resume) {
                loop.execute(() -> session.pauseInput(false));
            }
            return n;
        }

        @Override
        public int available() {
            lock.lock();
            try {
                return (int) Math.min(Integer.MAX_VALUE, unread);
            } finally {
                lock.unlock();
            }
        }
    }

    private final class Output extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return;
            }
            if (!session.isOpen()) {
                throw new SocketException("connection closed");
            }
            ByteBuffer copy = ByteBuffer.allocate(len).put(b, off, len).flip();
            inTransit.addAndGet(len);
            loop.execute(() -> session.writeHandedOff(copy, len));
            awaitRoom();
        }

        /** Blocks while more than the high-water mark is queued for the peer, as a full socket buffer would. */
        private void awaitRoom() throws IOException {
            if (inTransit.get() + loopQueued <= ChannelSession.HIGH_WATER) {
                return;
            }
            writingSince = System.nanoTime();
            lock.lock();
            try {
                writerWaiting = true;
                while (!closed && inTransit.get() + loopQueued > ChannelSession.LOW_WATER) {
                    writable.await();
                }
                if (closed) {
                    throw new SocketException("connection closed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the peer was not reading");
            } finally {
                writerWaiting = false;
                writingSince = 0;
                lock.unlock();
            }
        }
    }
}
