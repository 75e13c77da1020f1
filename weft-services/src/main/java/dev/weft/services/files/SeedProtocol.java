package dev.weft.services.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.engine.Connection;

/**
 * The seeds' download protocol, byte for byte: the client sends a file name (at most 1024 bytes of
 * UTF-8, maybe ending in a newline), the server sends the file's bytes and closes; for anything it will
 * not serve it closes without sending a byte. The seeds' client sends no newline, so a request is also
 * complete when the client pauses, or when 1024 bytes have arrived (Python's {@code recv(1024)}).
 */
final class SeedProtocol {

    private static final Logger log = LoggerFactory.getLogger(SeedProtocol.class);
    static final int MAX_NAME = 1024;
    /** A client dripping bytes slower than the pause but never stopping is cut off here. */
    private static final Duration REQUEST_DEADLINE = Duration.ofSeconds(10);

    private SeedProtocol() {
    }

    static void serve(Connection connection, byte first, SharedDirectory share, Duration pause) throws IOException {
        connection.readTimeout(pause);
        byte[] request = readRequest(connection.input(), first);
        Path file;
        try {
            file = share.file(name(request));
        } catch (FilesException e) {
            log.debug("raw request from {} refused: {}", connection.remoteAddress(), e.getMessage());
            return;
        }
        try (FileChannel channel = FileChannel.open(file)) {
            connection.sendFile(channel, 0, channel.size());
        } catch (java.nio.file.AccessDeniedException e) {
            log.debug("raw request from {} refused: cannot read {}", connection.remoteAddress(), file);
        }
    }

    /**
     * Reads a request that began with {@code first}: until a newline, {@link #MAX_NAME} bytes, end of
     * stream, or a read that times out (the caller set the pause as the read timeout).
     */
    static byte[] readRequest(InputStream in, byte first) throws IOException {
        byte[] request = new byte[MAX_NAME];
        request[0] = first;
        int length = 1;
        long deadline = System.nanoTime() + REQUEST_DEADLINE.toNanos();
        while (length < MAX_NAME && indexOfNewline(request, length) < 0 && System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(request, length, MAX_NAME - length);
            } catch (SocketTimeoutException pause) {
                break;
            }
            if (n < 0) {
                break;
            }
            length += n;
        }
        return Arrays.copyOf(request, length);
    }

    /**
     * The file name in a raw request: the bytes before the first newline (a {@code \r} before it dropped).
     *
     * @throws FilesException BAD_REQUEST when the name is not UTF-8
     */
    static String name(byte[] request) throws FilesException {
        int end = indexOfNewline(request, request.length);
        if (end < 0) {
            end = request.length;
        } else if (end > 0 && request[end - 1] == '\r') {
            end--;
        }
        return Wire.utf8(request, 0, end);
    }

    private static int indexOfNewline(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
