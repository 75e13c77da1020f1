package dev.weft.services.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import dev.weft.client.StallWatch;

/**
 * What a files client reads from its connection: reply lines through the {@link InputStream} view, and bodies straight
 * from the socket into the caller's direct buffer ({@link #read(ByteBuffer)}). Through heap arrays and 64 KiB writes a
 * 1 GiB get cost twice the time and twice the kernel time it costs this way (issue 27). A plain socket is read as its
 * channel, a TLS socket as its stream; a channel read has no timeout, so a {@link StallWatch} closes the socket under
 * a read that has waited longer than the timeout, and the read fails as a timeout.
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

    private final Socket socket;
    private final ReadableByteChannel channel;
    private final StallWatch watch;
    private final ByteBuffer ahead = ByteBuffer.allocateDirect(AHEAD).flip();

    private ConnectionInput(Socket socket, ReadableByteChannel channel, Duration timeout) {
        this.socket = socket;
        this.channel = channel;
        this.watch = StallWatch.start(timeout, this::closeSocket);
        watch.pause();
    }

    /** Reads {@code socket}: its channel when it is a plain socket that has one, else its stream. */
    static ConnectionInput of(Socket socket, Duration timeout) throws IOException {
        SocketChannel channel = socket instanceof SSLSocket ? null : socket.getChannel();
        return new ConnectionInput(socket, channel != null ? channel : Channels.newChannel(socket.getInputStream()),
                timeout);
    }

    /** How long one read may wait for its first byte from now on (a TLS socket's own read timeout too). */
    void timeout(Duration timeout) throws IOException {
        watch.timeout(timeout);
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
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

    /** Stops watching; the socket is its owner's to close. */
    @Override
    public void close() {
        watch.close();
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
        watch.progressed();
        try {
            return channel.read(into);
        } catch (IOException e) {
            if (watch.stalled()) {
                SocketTimeoutException timeout = new SocketTimeoutException(
                        "no data from " + peer() + " for " + spoken(watch.timeout()) + " (timed out)");
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            watch.pause();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // the read it unblocks reports the timeout
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
}
