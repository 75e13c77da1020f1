package dev.weft.tools.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import dev.weft.client.ClientTrust;

/**
 * The connection under one {@link Exchange}: a plain {@link SocketChannel} that reads straight into the caller's direct
 * buffer (no copy through the heap: socket, buffer, file), or a TLS socket whose decrypted bytes pass through a small
 * array on the way. Blocking, on the fetch's own (virtual) thread. {@link #abort()} may be called from another thread
 * (the stall guard) and makes a blocked connect, handshake or read fail at once.
 */
sealed interface Wire permits Wire.Plain, Wire.Tls {

    /** Reads at least one byte into {@code into} (from its position to its limit), or returns -1 at end of stream. */
    int read(ByteBuffer into) throws IOException;

    void send(byte[] bytes) throws IOException;

    /** Closes the connection; safe from any thread, any number of times. */
    void abort();

    /** Connects, with {@code timeout} for the TCP connect; {@code opened} hears the socket before it connects. */
    static Wire connect(InetSocketAddress address, Duration timeout, java.util.function.Consumer<java.io.Closeable> opened)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        opened.accept(channel);
        try {
            channel.socket().connect(address, timeoutMillis(timeout));
            return new Plain(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw connectFailure(e);
        }
    }

    /** Connects and completes a TLS handshake as {@code trust} says, naming {@code host} for SNI and the host check. */
    static Wire connectTls(InetSocketAddress address, String host, Duration timeout, ClientTrust trust,
                           java.util.function.Consumer<java.io.Closeable> opened) throws IOException {
        Socket plain = new Socket();
        opened.accept(plain);
        try {
            plain.connect(address, timeoutMillis(timeout));
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw connectFailure(e);
        }
        SSLSocket socket;
        try {
            socket = trust.wrap(plain, host); // closes plain when the handshake fails
        } catch (javax.net.ssl.SSLException e) {
            if (String.valueOf(e.getMessage()).contains("Unsupported or unrecognized SSL message")) {
                var plainAnswer = new dev.weft.http.h1.MalformedResponseException("the server did not answer in TLS: use an http:// URL");
                plainAnswer.initCause(e);
                throw plainAnswer;
            }
            throw e;
        }
        return new Tls(plain, socket, socket.getInputStream(), socket.getOutputStream());
    }

    private static int timeoutMillis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    private static IOException connectFailure(Exception e) {
        if (e instanceof SocketTimeoutException) {
            return new IOException("connect timed out", e);
        }
        if (e instanceof IOException io) {
            return io;
        }
        return new IOException(e.getMessage(), e);
    }

    /** Plain TCP: the socket reads into the caller's buffer itself. */
    record Plain(SocketChannel channel) implements Wire {

        @Override
        public int read(ByteBuffer into) throws IOException {
            return channel.read(into);
        }

        @Override
        public void send(byte[] bytes) throws IOException {
            ByteBuffer out = ByteBuffer.wrap(bytes);
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }

        @Override
        public void abort() {
            closeQuietly(channel);
        }
    }

    /** TLS over a plain socket: decrypted bytes come through a 16 KiB array; aborting closes the plain socket under it. */
    final class Tls implements Wire {

        private final Socket plain;
        private final SSLSocket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] scratch = new byte[16 * 1024]; // a TLS record's most

        Tls(Socket plain, SSLSocket socket, InputStream in, OutputStream out) {
            this.plain = plain;
            this.socket = socket;
            this.in = in;
            this.out = out;
        }

        @Override
        public int read(ByteBuffer into) throws IOException {
            int n = in.read(scratch, 0, Math.min(scratch.length, into.remaining()));
            if (n > 0) {
                into.put(scratch, 0, n);
            }
            return n;
        }

        @Override
        public void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        @Override
        public void abort() {
            closeQuietly(plain); // closing the TLS socket from another thread could wait for the reader's lock
            closeQuietly(socket);
        }
    }

    /** Closing a connection we are done with or giving up on: its failure changes nothing for the download. */
    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Wire.class).debug("closing {}: {}", closeable, e.toString());
        }
    }
}
