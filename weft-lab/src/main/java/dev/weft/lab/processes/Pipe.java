package dev.weft.lab.processes;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Python's {@code multiprocessing.Pipe()}: a duplex channel of whole messages between two processes. Each message
 * is a frame (a 4-byte length, then that many bytes, at most {@link #MAX_FRAME}), so messages never run together
 * or split. A pipe runs over a child's stdin and stdout ({@link #toChild}, {@link #ofStandardStreams}) or over a
 * loopback socket ({@link #listen}, {@link #connect}). {@link #send} and {@link #receive} may be called from one
 * thread each at the same time; two senders need their own lock.
 */
public final class Pipe implements AutoCloseable {

    /** The longest message a pipe carries, 16 MiB: a length beyond it means the stream is not a pipe's. */
    public static final int MAX_FRAME = 16 * 1024 * 1024;

    private final DataInputStream in;
    private final DataOutputStream out;
    private final AutoCloseable resource;

    private Pipe(InputStream in, OutputStream out, AutoCloseable resource) {
        this.in = new DataInputStream(new BufferedInputStream(in));
        this.out = new DataOutputStream(new BufferedOutputStream(out));
        this.resource = resource;
    }

    /** The parent's end of a pipe to a child process: writes go to its stdin, reads come from its stdout. */
    public static Pipe toChild(Process child) {
        return new Pipe(child.getInputStream(), child.getOutputStream(), () -> {
            child.getOutputStream().close();
            child.getInputStream().close();
        });
    }

    /**
     * The child's end: reads from stdin, writes to stdout (which is then taken from {@code System.out}: what the
     * child prints goes to stderr, so it cannot corrupt a frame).
     */
    public static Pipe ofStandardStreams() {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        return new Pipe(new FileInputStream(FileDescriptor.in), stdout, stdout);
    }

    /** Listens on 127.0.0.1, on a port the system picks, for the other end to {@link #connect}. */
    public static Listener listen() throws IOException {
        return new Listener(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** Connects to a {@link Listener} on 127.0.0.1. */
    public static Pipe connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        socket.setTcpNoDelay(true);
        return new Pipe(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    /** A pipe over an accepted or connected socket. */
    static Pipe over(Socket socket) throws IOException {
        return new Pipe(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    /** Sends one message and flushes it. */
    public void send(byte[] message) throws IOException {
        if (message.length > MAX_FRAME) {
            throw new IllegalArgumentException("a pipe message is at most " + MAX_FRAME + " bytes, not " + message.length);
        }
        out.writeInt(message.length);
        out.write(message);
        out.flush();
    }

    public void send(String message) throws IOException {
        send(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The next message, or empty when the other end closed the pipe between messages. */
    public Optional<byte[]> receiveBytes() throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return Optional.empty();
        }
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("a frame of " + length + " bytes: the other end is not speaking the pipe's framing");
        }
        byte[] message = new byte[length];
        in.readFully(message);
        return Optional.of(message);
    }

    /** The next message as text, or empty at the end. */
    public Optional<String> receive() throws IOException {
        return receiveBytes().map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        try {
            resource.close();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** The listening end of a socket pipe. */
    public static final class Listener implements AutoCloseable {
        private final ServerSocket server;

        private Listener(ServerSocket server) {
            this.server = server;
        }

        public int port() {
            return server.getLocalPort();
        }

        /** Waits at most {@code timeout} for the other end to connect. */
        public Pipe accept(Duration timeout) throws IOException {
            server.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            Socket socket = server.accept();
            socket.setTcpNoDelay(true);
            return new Pipe(socket.getInputStream(), socket.getOutputStream(), socket);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
