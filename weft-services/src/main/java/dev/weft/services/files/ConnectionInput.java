package dev.weft.services.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

/**
 * What a files client reads from its connection: reply lines through the {@link InputStream} view, and bodies straight
 * from the socket into the caller's direct buffer ({@link #read(ByteBuffer)}). Through heap arrays and 64 KiB writes a
 * 1 GiB get cost twice the time and twice the kernel time it costs this way (issue 27). A plain socket is read as its
 * channel, which ignores the socket's read timeout, so a shared clock stops a read that has waited longer than the
 * timeout; a TLS socket is read as a stream under the socket's own timeout.
 */
final class ConnectionInput extends InputStream {

    /**
     * The size of a body buffer, which is also the most one write to the local file takes: 1 MiB less one page. Whole
     * 1 MiB writes at 1 MiB-aligned offsets (what a receiver that lags behind the sender does) let the page cache take
     * 1 MiB folios, and on these VMs the first touch of those cost 3-4x the kernel time of small pages: a 1 GiB get
     * spent 1.5-2.5 s in the kernel instead of 0.3-0.7 s (issue 27, docs/benchmarks.md). Writes of one page less never
     * start on a large aligned offset.
     */
    static final int BODY_BUFFER = (1 << 20) - 4096;

    private static final int AHEAD = 64 * 1024;
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("weft-files-read-timeout").factory());

    private final Socket socket;
    private final ReadableByteChannel channel;
    private final ScheduledFuture<?> clock;
    private final ByteBuffer ahead = ByteBuffer.allocateDirect(AHEAD).flip();
    private volatile long timeoutNanos;
    private Thread reader; // guarded by this: the thread in a clocked read
    private long readSince; // guarded by this
    private boolean timedOut; // guarded by this

    private ConnectionInput(Socket socket, ReadableByteChannel channel, boolean clocked, Duration timeout) {
        this.socket = socket;
        this.channel = channel;
        this.timeoutNanos = timeout.toNanos();
        long period = Math.max(10, timeout.toMillis() / 4);
        this.clock = clocked ? CLOCK.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS) : null;
    }

    /** Reads {@code socket}: its channel when it is a plain socket that has one, else its stream. */
    static ConnectionInput of(Socket socket, Duration timeout) throws IOException {
        SocketChannel channel = socket instanceof SSLSocket ? null : socket.getChannel();
        return channel != null
                ? new ConnectionInput(socket, channel, true, timeout)
                : new ConnectionInput(socket, Channels.newChannel(socket.getInputStream()), false, timeout);
    }

    /** How long one read may wait for its first byte from now on. */
    void timeout(Duration timeout) throws IOException {
        timeoutNanos = timeout.toNanos();
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    /** Reads into {@code into}: what was read ahead first, then straight from the socket; -1 at end of stream. */
    int read(ByteBuffer into) throws IOException {
        if (ahead.hasRemaining()) {
            int n = Math.min(ahead.remaining(), into.remaining());
            into.put(ahead.slice(ahead.position(), n));
            ahead.position(ahead.position() + n);
            return n;
        }
        return receive(into);
    }

    @Override
    public int read() throws IOException {
        return fill() ? ahead.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, ahead.remaining());
        ahead.get(bytes, offset, n);
        return n;
    }

    @Override
    public int available() {
        return ahead.remaining();
    }

    /** Stops the clock; the socket is its owner's to close. */
    @Override
    public void close() {
        if (clock != null) {
            clock.cancel(false);
        }
    }

    private boolean fill() throws IOException {
        if (ahead.hasRemaining()) {
            return true;
        }
        ahead.clear();
        int n;
        try {
            n = receive(ahead);
        } finally {
            ahead.flip();
        }
        return n > 0;
    }

    private int receive(ByteBuffer into) throws IOException {
        if (clock == null) {
            return channel.read(into);
        }
        synchronized (this) {
            reader = Thread.currentThread();
            readSince = System.nanoTime();
            timedOut = false;
        }
        try {
            return channel.read(into);
        } catch (ClosedByInterruptException e) {
            synchronized (this) {
                if (timedOut) {
                    SocketTimeoutException timeout = new SocketTimeoutException(
                            "no data from " + peer() + " for " + spoken(timeout()) + " (timed out)");
                    timeout.initCause(e);
                    throw timeout;
                }
            }
            throw e;
        } finally {
            synchronized (this) {
                reader = null;
                if (timedOut) {
                    Thread.interrupted(); // the clock's interrupt, not the caller's
                }
            }
        }
    }

    private String peer() {
        return socket.getRemoteSocketAddress() instanceof InetSocketAddress address
                ? address.getHostString() + ":" + address.getPort() : "the server";
    }

    private static String spoken(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private synchronized void check() {
        if (reader != null && !timedOut && System.nanoTime() - readSince > timeoutNanos) {
            timedOut = true;
            reader.interrupt(); // closes the channel: the read ends with ClosedByInterruptException
        }
    }
}
