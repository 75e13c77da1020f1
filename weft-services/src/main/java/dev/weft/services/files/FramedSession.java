package dev.weft.services.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.engine.Connection;
import dev.weft.services.files.FilesException.Code;

/**
 * The server side of weft's framed files protocol (docs/protocols.md): after the hello, a loop of
 * LIST, GET and PUT requests on one connection, each answered with OK and its data or one ERR line.
 * A refusal keeps the connection usable; a bad request or an I/O error mid-transfer ends it.
 */
final class FramedSession {

    private static final Logger log = LoggerFactory.getLogger(FramedSession.class);

    private final Connection connection;
    private final SharedDirectory share;
    private final Digests digests;
    private final InputStream in;
    private final OutputStream out;

    FramedSession(Connection connection, SharedDirectory share, Digests digests) {
        this.connection = connection;
        this.share = share;
        this.digests = digests;
        this.in = new BufferedInputStream(connection.input(), 64 * 1024);
        this.out = new BufferedOutputStream(connection.output(), 16 * 1024);
    }

    /** Runs after the leading NUL was read: the rest of the hello, then requests until the client closes. */
    void run() throws IOException {
        try {
            String hello = Wire.readLine(in);
            if (!Wire.HELLO.substring(1).equals(hello)) {
                throw new FilesException(Code.BAD_REQUEST, String.valueOf(hello), "unknown protocol version");
            }
            send(Wire.VERSION + " upload=" + (share.uploads() ? "on" : "off"));
            for (String line = Wire.readLine(in); line != null; line = Wire.readLine(in)) {
                try {
                    dispatch(line);
                } catch (FilesException e) {
                    if (e.code() == Code.BAD_REQUEST || e.code() == Code.IO) {
                        throw e;
                    }
                    reply(e);
                }
            }
        } catch (FilesException e) {
            // the hello or a request line was unreadable (too long, not UTF-8), or the request cannot go on: say so, then close
            reply(e);
            linger();
        }
    }

    /**
     * Reads and drops what the client is still sending (the rest of an over-long line) for up to a second before the
     * close, so the kernel does not answer unread bytes with a reset that destroys the ERR line in flight.
     */
    private void linger() {
        long until = System.nanoTime() + LINGER.toNanos();
        byte[] scrap = new byte[8192];
        try {
            connection.readTimeout(LINGER_QUIET);
            for (long dropped = 0; dropped < 1 << 20 && System.nanoTime() < until; ) {
                int n = in.read(scrap);
                if (n < 0) {
                    return;
                }
                dropped += n;
            }
        } catch (IOException e) {
            log.trace("lingering close ended: {}", e.toString());
        }
    }

    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final Duration LINGER_QUIET = Duration.ofMillis(50);

    private void dispatch(String line) throws IOException {
        String verb = line.split(" ", 2)[0];
        switch (verb) {
            case "LIST" -> list(Wire.decode(Wire.fields(line, 1)[1]));
            case "GET" -> {
                String[] fields = Wire.fields(line, 2);
                get(Wire.decode(fields[1]), Wire.number(fields[2], line));
            }
            case "PUT" -> {
                String[] fields = Wire.fields(line, 3);
                put(Wire.decode(fields[1]), Wire.number(fields[2], line), mode(fields[3], line));
            }
            default -> throw new FilesException(Code.BAD_REQUEST, line, "unknown request");
        }
    }

    private void list(String request) throws IOException {
        Path dir = share.directory(request);
        List<String> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(share::listable).sorted().toList()) {
                entry(child).ifPresent(entries::add);
            }
        } catch (AccessDeniedException e) {
            throw new FilesException(Code.FORBIDDEN, request, "cannot read directory");
        }
        send("OK " + entries.size());
        for (String entry : entries) {
            out.write(Wire.line(entry));
        }
        out.flush();
    }

    /** One listing line, "f SIZE MTIME NAME"; nothing for entries that are neither files nor directories. */
    private static java.util.Optional<String> entry(Path child) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class);
            String kind = attributes.isDirectory() ? "d" : attributes.isRegularFile() ? "f" : null;
            if (kind == null) {
                return java.util.Optional.empty();
            }
            long size = attributes.isDirectory() ? 0 : attributes.size();
            return java.util.Optional.of(kind + " " + size + " " + attributes.lastModifiedTime().toMillis() + " "
                    + Wire.encode(child.getFileName().toString()));
        } catch (IOException e) {
            log.debug("skipping {} in a listing: {}", child, e.toString());
            return java.util.Optional.empty();
        }
    }

    private void get(String request, long offset) throws IOException {
        Path file = share.file(request);
        try (FileChannel channel = open(file, request)) {
            long size = channel.size();
            if (offset > size) {
                throw new FilesException(Code.BAD_OFFSET, request, "offset " + offset + " beyond size " + size);
            }
            CompletableFuture<byte[]> digest = digests.sha256(file, size);
            long modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
            send("OK " + size + " " + modified);
            connection.sendFile(channel, offset, size - offset);
            send(Wire.SHA256 + " " + Wire.hex(join(digest, request)));
        }
    }

    private static FileChannel open(Path file, String request) throws IOException {
        try {
            return FileChannel.open(file);
        } catch (AccessDeniedException e) {
            throw new FilesException(Code.FORBIDDEN, request, "cannot read");
        }
    }

    private static byte[] join(CompletableFuture<byte[]> digest, String request) throws IOException {
        try {
            return digest.join();
        } catch (CompletionException e) {
            throw new IOException("cannot hash " + request + ": " + e.getCause(), e.getCause());
        }
    }

    private void put(String request, long size, boolean replace) throws IOException {
        if (!share.uploads()) {
            throw new FilesException(Code.UPLOAD_DISABLED, request);
        }
        Path target = share.uploadTarget(request);
        if (!replace && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FilesException(Code.EXISTS, request);
        }
        share.admit(request, size, target);
        Path temp = Upload.begin(target, request);
        try {
            send("READY");
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Upload.receive(in, temp, target, size, replace, request);
        log.debug("received {} ({} bytes) from {}", request, size, connection.remoteAddress());
        send("OK " + size);
    }

    private static boolean mode(String field, String line) throws FilesException {
        return switch (field) {
            case "new" -> false;
            case "replace" -> true;
            default -> throw new FilesException(Code.BAD_REQUEST, line, "PUT mode must be new or replace in");
        };
    }

    private void reply(FilesException e) throws IOException {
        send("ERR " + e.code().wire() + " " + Wire.encode(e.path()) + " " + e.detail().replace('\n', ' '));
    }

    private void send(String line) throws IOException {
        out.write(Wire.line(line));
        out.flush();
    }
}
