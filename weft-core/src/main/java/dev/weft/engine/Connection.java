package dev.weft.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * One accepted TCP connection as a {@link StreamHandler} sees it: counted streams, addresses, a read timeout,
 * and zero-copy file sending when the connection is not encrypted. Underneath it is either a blocking socket
 * (thread, pool, virtual, processes) or an event-loop session a protocol handed off with
 * {@link Transport#handOff}, where the loop keeps doing the socket I/O and TLS; the handler sees no difference.
 */
public final class Connection implements AutoCloseable {

    private final Ends ends;

    Connection(Socket socket, SocketChannel channel, ServerMetrics metrics) throws IOException {
        this(new SocketEnds(socket, channel, metrics));
    }

    Connection(Ends ends) {
        this.ends = ends;
    }

    /** The bytes from the peer; read returns -1 at end of stream, and throws on timeout. */
    public InputStream input() {
        return ends.input();
    }

    /**
     * The bytes to the peer, unbuffered: wrap it in a buffer and flush once per reply. A write blocks while the
     * peer is not reading (on the event loop: while more than the loop's high-water mark is queued).
     */
    public OutputStream output() {
        return ends.output();
    }

    public InetSocketAddress remoteAddress() {
        return ends.remoteAddress();
    }

    public InetSocketAddress localAddress() {
        return ends.localAddress();
    }

    public boolean isSecure() {
        return ends.isSecure();
    }

    /** Sets how long one read may wait for bytes before it throws {@link java.net.SocketTimeoutException}. */
    public void readTimeout(Duration timeout) throws SocketException {
        ends.readTimeout(timeout);
    }

    /**
     * Sends {@code count} bytes of {@code file} from {@code position}: with sendfile on a plain
     * connection, through the output stream (or the loop's TLS) on an encrypted one. Flush buffered output first.
     * Returns once the bytes are out of the caller's hands; the caller still closes the file.
     */
    public void sendFile(FileChannel file, long position, long count) throws IOException {
        ends.sendFile(file, position, count);
    }

    /**
     * True once the server is shutting down: a handler between requests should finish. Reads that
     * would wait for a new request return end of stream from then on.
     */
    public boolean draining() {
        return ends.draining();
    }

    /** When the write in progress started (System.nanoTime), or 0 when none is: the engine's stalled-peer check. */
    long writingSince() {
        return ends.writingSince();
    }

    /** Called by the engine at shutdown: wakes a handler blocked waiting for input, lets a busy one finish. */
    void drain() {
        ends.drain();
    }

    /** Puts back bytes a protocol had not taken when it handed the connection off (blocking sockets only). */
    void unread(byte[] bytes) {
        ((SocketEnds) ends).unread(bytes);
    }

    @Override
    public void close() {
        ends.close();
    }
}
