package dev.weft.services.files;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.weft.services.files.FilesException.Code;
import dev.weft.services.line.LineClient;

/**
 * The client side of weft's framed files protocol on one connection: list, get (resumable, verified,
 * see {@link Download}) and put. Not thread-safe: one request at a time, as the protocol is.
 */
public final class FilesClient implements Closeable {

    private static final int CHUNK = 64 * 1024;
    /** While the server finishes hashing a large file, the trailer may take longer than a normal reply. */
    private static final long HASH_BYTES_PER_SECOND = 50L << 20;

    /** One entry of a remote directory. */
    public record Entry(String name, boolean directory, long size, Instant modified) {
    }

    private final Socket socket;
    private final Endpoint endpoint;
    private final Duration timeout;
    private final ConnectionInput in;
    private final OutputStream out;
    private final boolean uploadsAllowed;

    private FilesClient(Socket socket, Endpoint endpoint, Duration timeout) throws IOException {
        this.socket = socket;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.in = ConnectionInput.of(socket, timeout);
        this.out = new BufferedOutputStream(socket.getOutputStream(), CHUNK);
        try {
            send(Wire.HELLO);
            String hello = Wire.readLine(in);
            if (hello == null || !hello.startsWith(Wire.VERSION + " ")) {
                throw new IOException(endpoint + " does not speak weft's files protocol (it answered "
                        + (hello == null ? "nothing" : "'" + hello + "'") + "; try --raw for a seed server)");
            }
            this.uploadsAllowed = hello.endsWith(" upload=on");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Connects (over TLS when {@code tls} is not null) and says hello.
     *
     * @throws IOException naming the endpoint when it cannot be reached or is not a weft files server
     */
    public static FilesClient connect(Endpoint endpoint, ClientTls tls, Duration timeout) throws IOException {
        Socket socket = open(endpoint, tls, timeout);
        try {
            return new FilesClient(socket, endpoint, timeout);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A connected socket to {@code endpoint}, wrapped in TLS when {@code tls} is not null. */
    static Socket open(Endpoint endpoint, ClientTls tls, Duration timeout) throws IOException {
        Socket plain = LineClient.connect(endpoint.host(), endpoint.port(), LineClient.Family.ANY, timeout);
        return tls == null ? plain : tls.wrap(plain, endpoint.host());
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** Whether the server said it accepts uploads. */
    public boolean uploadsAllowed() {
        return uploadsAllowed;
    }

    /** The files and directories in remote directory {@code path} ("." for the shared root), sorted by name. */
    public List<Entry> list(String path) throws IOException {
        send("LIST " + Wire.encode(path));
        String reply = reply(path);
        long count = Wire.number(Wire.fields(reply, 1)[1], reply);
        List<Entry> entries = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            String line = Wire.readLine(in);
            if (line == null) {
                throw new IOException("connection closed inside the listing of " + path);
            }
            String[] fields = line.split(" ", 4);
            if (fields.length != 4) {
                throw new IOException("bad listing line from " + endpoint + ": " + line);
            }
            entries.add(new Entry(Wire.decode(fields[3]), fields[0].equals("d"), Wire.number(fields[1], line),
                    Instant.ofEpochMilli(Wire.number(fields[2], line))));
        }
        return entries;
    }

    /** Downloads {@code remote} to {@code target}, resuming a partial download left by an earlier attempt. */
    public Download.Result get(String remote, Path target, TransferListener listener) throws IOException {
        return new Download(this, remote, target, listener).run();
    }

    /**
     * Uploads {@code local} as {@code remote}; an existing remote file is replaced only when {@code replace}.
     * Returns the number of bytes sent.
     */
    public long put(Path local, String remote, boolean replace, TransferListener listener) throws IOException {
        try (FileChannel file = FileChannel.open(local, StandardOpenOption.READ)) {
            long size = file.size();
            send("PUT " + Wire.encode(remote) + " " + size + " " + (replace ? "replace" : "new"));
            reply(remote);
            byte[] digest;
            try {
                digest = sendBody(file, size, remote, listener);
            } catch (IOException e) {
                throw refusalOr(e, remote);
            }
            send(Wire.SHA256 + " " + Wire.hex(digest));
            reply(remote);
            return size;
        }
    }

    private byte[] sendBody(FileChannel file, long size, String remote, TransferListener listener) throws IOException {
        try (FollowingDigest digest = FollowingDigest.start(file, size)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            long sent = 0;
            while (sent < size) {
                buffer.clear().limit((int) Math.min(CHUNK, size - sent));
                int n = file.read(buffer, sent);
                if (n < 0) {
                    throw new IOException("local file shrank to " + sent + " bytes while uploading it as " + remote);
                }
                out.write(buffer.array(), 0, n);
                sent += n;
                listener.progress(remote, sent, size);
            }
            return digest.finish(size);
        }
    }

    /** After a failed send, the server's ERR line if it wrote one before closing, else the send error. */
    private IOException refusalOr(IOException sendFailure, String remote) {
        try {
            reply(remote);
        } catch (FilesException refusal) {
            return refusal;
        } catch (IOException | RuntimeException e) {
            sendFailure.addSuppressed(e);
        }
        return sendFailure;
    }

    /** Sends GET and returns the announced size and modification time, or throws the server's refusal. */
    long[] requestFile(String remote, long offset) throws IOException {
        send("GET " + Wire.encode(remote) + " " + offset);
        String reply = reply(remote);
        String[] fields = Wire.fields(reply, 2);
        return new long[] {Wire.number(fields[1], reply), Wire.number(fields[2], reply)};
    }

    /** Reads body bytes into {@code buffer}, straight from the socket when it can; -1 at end of stream. */
    int readBody(ByteBuffer buffer) throws IOException {
        return in.read(buffer);
    }

    /** Reads the SHA-256 trailer after a body of {@code size} bytes, waiting longer for a large file's hash. */
    byte[] readTrailer(String remote, long size) throws IOException {
        in.timeout(timeout.plusSeconds(size / HASH_BYTES_PER_SECOND));
        try {
            String line = Wire.readLine(in);
            if (line == null || !line.startsWith(Wire.SHA256 + " ")) {
                throw new IOException("no SHA-256 after " + remote + " from " + endpoint + " (got "
                        + (line == null ? "end of stream" : "'" + line + "'") + "); run again to resume");
            }
            return java.util.HexFormat.of().parseHex(line.substring(Wire.SHA256.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new IOException("bad SHA-256 line after " + remote + " from " + endpoint, e);
        } finally {
            in.timeout(timeout);
        }
    }

    /** The next reply line; an {@code ERR} reply becomes the {@link FilesException} it describes. */
    private String reply(String about) throws IOException {
        String line = Wire.readLine(in);
        if (line == null) {
            throw new IOException(endpoint + " closed the connection while answering about " + about);
        }
        if (line.startsWith("ERR ")) {
            String[] fields = line.split(" ", 4);
            Code code = Code.fromWire(fields[1]);
            String path = fields.length > 2 ? Wire.decode(fields[2]) : about;
            throw new FilesException(code, path, fields.length > 3 ? fields[3] : code.description());
        }
        return line;
    }

    private void send(String line) throws IOException {
        out.write(Wire.line(line));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        in.close();
        socket.close();
    }
}
