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
 * The ends of a {@link Connection} over a blocking socket: counted streams, the read timeout as SO_TIMEOUT, and
 * sendfile when the connection is not encrypted. Bytes a protocol left unread when it handed off are read first.
 */
final class SocketEnds implements Ends {

    private final Socket socket;
    private final SocketChannel channel;
    private final ServerMetrics metrics;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean draining;
    private volatile boolean reading;
    private volatile long writingSince;
    private ByteBuffer sendChunk;
    /** Bytes a protocol left unread when it handed off, served before the socket's. */
    private byte[] unread;
    private int unreadAt;

    SocketEnds(Socket socket, SocketChannel channel, ServerMetrics metrics) throws IOException {
        this.socket = socket;
        this.channel = channel;
        this.metrics = metrics;
        this.in = new CountingInput(socket.getInputStream());
        this.out = new CountingOutput(socket.getOutputStream());
    }

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
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public boolean isSecure() {
        return socket instanceof SSLSocket;
    }

    @Override
    public void readTimeout(Duration timeout) throws SocketException {
        socket.setSoTimeout(Math.toIntExact(Math.max(1, timeout.toMillis())));
    }

    /** With sendfile on a plain connection, through the output stream on an encrypted one. */
    @Override
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

    @Override
    public boolean draining() {
        return draining;
    }

    @Override
    public long writingSince() {
        return writingSince;
    }

    /** Wakes a handler blocked waiting for input (by shutting the input down), lets a busy one finish. */
    @Override
    public void drain() {
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

    /** Puts bytes back in front of the input: what a protocol had not taken when it handed the connection off. */
    void unread(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        if (unread != null && unreadAt < unread.length) {
            byte[] joined = new byte[bytes.length + unread.length - unreadAt];
            System.arraycopy(bytes, 0, joined, 0, bytes.length);
            System.arraycopy(unread, unreadAt, joined, bytes.length, unread.length - unreadAt);
            bytes = joined;
        }
        unread = bytes;
        unreadAt = 0;
    }

    private final class CountingInput extends FilterInputStream {
        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int available() throws IOException {
            return (unread == null ? 0 : unread.length - unreadAt) + super.available();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (unread != null) {
                int n = Math.min(len, unread.length - unreadAt);
                System.arraycopy(unread, unreadAt, b, off, n);
                unreadAt += n;
                if (unreadAt == unread.length) {
                    unread = null;
                }
                return n;
            }
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
