package dev.weft.engine;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

/**
 * One accepted TCP connection as a {@link StreamHandler} sees it: counted streams, addresses,
 * a read timeout, and zero-copy file sending when the connection is not encrypted.
 */
public final class Connection implements AutoCloseable {

    private final Socket socket;
    private final SocketChannel channel;
    private final ServerMetrics metrics;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean draining;
    private volatile boolean reading;
    private volatile long writingSince;
    private ByteBuffer sendChunk;

    Connection(Socket socket, SocketChannel channel, ServerMetrics metrics) throws IOException {
        this.socket = socket;
        this.channel = channel;
        this.metrics = metrics;
        this.in = new CountingInput(socket.getInputStream());
        this.out = new CountingOutput(socket.getOutputStream());
    }

    /** The bytes from the peer; read returns -1 at end of stream, and throws on timeout. */
    public InputStream input() {
        return in;
    }

    /** The bytes to the peer, unbuffered: wrap it in a buffer and flush once per reply. */
    public OutputStream output() {
        return out;
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public boolean isSecure() {
        return socket instanceof SSLSocket;
    }

    /** Sets how long one read may wait for bytes before it throws {@link java.net.SocketTimeoutException}. */
    public void readTimeout(Duration timeout) throws SocketException {
        socket.setSoTimeout(Math.toIntExact(Math.max(1, timeout.toMillis())));
    }

    /**
     * Sends {@code count} bytes of {@code file} from {@code position}: with sendfile on a plain
     * connection, through the output stream on an encrypted one. Flush buffered output first.
     */
    public void sendFile(FileChannel file, long position, long count) throws IOException {
        if (channel != null && !isSecure()) {
            long end = position + count;
            while (position < end) {
                writingSince = System.nanoTime();
                long sent;
                try {
                    sent = transferSome(file, position, end);
                } finally {
                    writingSince = 0;
                }
                position += sent;
                metrics.bytesOut(sent);
            }
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, 64 * 1024));
        long end = position + count;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int n = file.read(buffer, position);
            if (n < 0) {
                throw new IOException("file ended at byte " + position + " before " + end);
            }
            out.write(buffer.array(), 0, n);
            position += n;
        }
    }

    /**
     * Sends what sendfile takes of {@code file} from {@code position}. On a virtual thread the socket is
     * non-blocking underneath, so sendfile answers "would block" instead of waiting: then one chunk goes
     * through the channel, which parks until the socket drains. Without that the thread spins.
     */
    private long transferSome(FileChannel file, long position, long end) throws IOException {
        long sent = file.transferTo(position, end - position, channel);
        if (sent > 0) {
            return sent;
        }
        if (sendChunk == null) {
            sendChunk = ByteBuffer.allocate(64 * 1024);
        }
        ByteBuffer chunk = sendChunk;
        chunk.clear().limit((int) Math.min(chunk.capacity(), end - position));
        int read = file.read(chunk, position);
        if (read < 0) {
            throw new IOException("file ended at byte " + position + " before " + end);
        }
        chunk.flip();
        while (chunk.hasRemaining()) {
            channel.write(chunk);
        }
        return read;
    }

    /**
     * True once the server is shutting down: a handler between requests should finish. Reads that
     * would wait for a new request return end of stream from then on.
     */
    public boolean draining() {
        return draining;
    }

    /** When the write in progress started (System.nanoTime), or 0 when none is: the engine's stalled-peer check. */
    long writingSince() {
        return writingSince;
    }

    /** Called by the engine at shutdown: wakes a handler blocked waiting for input, lets a busy one finish. */
    void drain() {
        draining = true;
        if (reading) {
            shutdownInput();
        }
    }

    private void shutdownInput() {
        try {
            if (!socket.isInputShutdown() && !(socket instanceof SSLSocket)) {
                socket.shutdownInput();
            } else if (socket instanceof SSLSocket) {
                socket.close();
            }
        } catch (IOException ignored) {
            // the socket is already gone, which is what draining wants
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken socket has nothing left to report
        }
    }

    private final class CountingInput extends FilterInputStream {
        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (draining && super.available() == 0) {
                return -1;
            }
            reading = true;
            try {
                int n = super.read(b, off, len);
                if (n > 0) {
                    metrics.bytesIn(n);
                }
                return n;
            } finally {
                reading = false;
            }
        }
    }

    private final class CountingOutput extends FilterOutputStream {
        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writingSince = System.nanoTime();
            try {
                out.write(b, off, len);
            } finally {
                writingSince = 0;
            }
            metrics.bytesOut(len);
        }
    }
}
