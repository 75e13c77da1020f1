package dev.weft.services.files;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import dev.weft.client.UserFile;
import dev.weft.services.files.FilesException.Code;

/**
 * The client of the seeds' raw download protocol: send the name, read until the server closes. The
 * protocol cannot tell "missing" from "empty" or a short file from a complete one, so this client only
 * adds what it can: the file saved by {@link UserFile}'s rules (temp file moved into place), and "not found or empty"
 * instead of an empty file.
 */
public final class RawClient {


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
        UserFile file = UserFile.of(target.toAbsolutePath().normalize());
        long[] size = new long[1];
        try (Socket socket = FilesClient.open(endpoint, tls, timeout); ConnectionInput in = ConnectionInput.of(socket, timeout)) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (!(socket instanceof SSLSocket)) {
                socket.shutdownOutput(); // tells a weft server the name is complete without waiting for a pause
            }
            file.writeChannel(to -> {
                size[0] = receive(in, to, name, listener);
                if (size[0] == 0) {
                    throw new FilesException(Code.NOT_FOUND, name, "not found or empty"); // leaves the target as it was
                }
            });
            return new Download.Result(name, target.toAbsolutePath().normalize(), size[0], 0, null);
        }
    }

    /**
     * Reads to the end of the stream straight from the socket into a direct buffer, writing what each read brought:
     * through heap arrays in 64 KiB writes 1 GiB cost twice the time and kernel time (issue 27).
     */
    private static long receive(ConnectionInput in, WritableByteChannel file, String name, TransferListener listener)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(ConnectionInput.BODY_BUFFER);
        long size = 0;
        while (in.read(buffer.clear()) >= 0) {
            buffer.flip();
            size += buffer.remaining();
            while (buffer.hasRemaining()) {
                file.write(buffer);
            }
            listener.progress(name, size, -1);
        }
        return size;
    }
}
