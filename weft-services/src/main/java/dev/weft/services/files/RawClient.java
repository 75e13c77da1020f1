package dev.weft.services.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLSocket;

import dev.weft.services.files.FilesException.Code;

/**
 * The client of the seeds' raw download protocol: send the name, read until the server closes. The
 * protocol cannot tell "missing" from "empty" or a short file from a complete one, so this client only
 * adds what it can: a temp file moved into place, and "not found or empty" instead of an empty file.
 */
public final class RawClient {

    private static final int CHUNK = 64 * 1024;

    private RawClient() {
    }

    /**
     * Downloads {@code name} to {@code target}.
     *
     * @throws FilesException NOT_FOUND when the server sent nothing; BAD_REQUEST when the name is over 1024 bytes
     */
    public static Download.Result get(Endpoint endpoint, ClientTls tls, Duration timeout, String name, Path target,
                                      TransferListener listener) throws IOException {
        byte[] request = name.getBytes(StandardCharsets.UTF_8);
        if (request.length > SeedProtocol.MAX_NAME) {
            throw new FilesException(Code.BAD_REQUEST, name, "name longer than " + SeedProtocol.MAX_NAME + " bytes");
        }
        Path absolute = target.toAbsolutePath().normalize();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".weft-raw");
        try (Socket socket = FilesClient.open(endpoint, tls, timeout)) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (!(socket instanceof SSLSocket)) {
                socket.shutdownOutput(); // tells a weft server the name is complete without waiting for a pause
            }
            long size = receive(socket.getInputStream(), temp, name, listener);
            if (size == 0) {
                throw new FilesException(Code.NOT_FOUND, name, "not found or empty");
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Download.Result(name, absolute, size, 0, null);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static long receive(InputStream in, Path temp, String name, TransferListener listener) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long size = 0;
        try (OutputStream file = Files.newOutputStream(temp)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                try {
                    file.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new FilesException(Code.IO, temp.toString(), "cannot write (" + e.getMessage() + ")");
                }
                size += n;
                listener.progress(name, size, -1);
            }
        }
        return size;
    }
}
