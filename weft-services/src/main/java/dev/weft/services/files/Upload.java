package dev.weft.services.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import dev.weft.services.files.FilesException.Code;

/**
 * Receives one upload's body into a hidden temp file next to its target, checks the SHA-256 trailer,
 * and only then moves it into place. Whatever fails, the temp file is deleted: a failed upload leaves
 * nothing behind. Without "replace", the final step is a hard link, which refuses atomically to
 * overwrite a file that appeared meanwhile.
 */
final class Upload {

    private static final int CHUNK = 64 * 1024;

    private Upload() {
    }

    /**
     * Creates the hidden temp file an upload to {@code target} is written to, before the client is told to send:
     * a name the file system cannot hold, or a folder it may not write, is refused up front, not after the body.
     * The temp name keeps at most {@link SharedDirectory#MAX_NAME_BYTES} bytes whatever the target's length.
     */
    static Path begin(Path target, String request) throws FilesException {
        String name = target.getFileName().toString();
        String suffix = "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".weft-upload";
        Path temp = target.resolveSibling("." + prefix(name, SharedDirectory.MAX_NAME_BYTES - 1 - suffix.length()) + suffix);
        try {
            return Files.createFile(temp);
        } catch (IOException e) {
            throw new FilesException(Code.FORBIDDEN, request, "cannot store an upload here (" + e.getMessage() + ")");
        }
    }

    /** The longest start of {@code name} that fits in {@code bytes} UTF-8 bytes, never splitting a character. */
    private static String prefix(String name, int bytes) {
        int used = 0;
        int end = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int length = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (used + length > bytes) {
                break;
            }
            used += length;
            end += Character.charCount(cp);
        }
        return name.substring(0, end);
    }

    /** Receives the body into {@code temp} (from {@link #begin}), checks it, moves it to {@code target}; deletes {@code temp}. */
    static void receive(InputStream in, Path temp, Path target, long size, boolean replace, String request) throws IOException {
        try {
            byte[] digest = copy(in, temp, size, request);
            String trailer = Wire.readLine(in);
            String expected = Wire.SHA256 + " " + Wire.hex(digest);
            if (!expected.equals(trailer)) {
                throw new FilesException(Code.CHECKSUM, request, "upload failed its SHA-256 check (" + trailer + ")");
            }
            place(temp, target, replace, request);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Copies exactly {@code size} bytes to a new {@code temp}, returning their SHA-256. */
    private static byte[] copy(InputStream in, Path temp, long size, String request) throws IOException {
        byte[] buffer = new byte[(int) Math.min(CHUNK, Math.max(size, 1))];
        try (FileChannel file = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FollowingDigest digest = FollowingDigest.start(file, 0)) {
            long position = 0;
            while (position < size) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - position));
                if (n < 0) {
                    throw new EOFException("upload of " + request + " ended after " + position + " of " + size + " bytes");
                }
                write(file, ByteBuffer.wrap(buffer, 0, n), request);
                position += n;
                digest.written(position);
            }
            file.force(false);
            return digest.finish(size);
        }
    }

    private static void write(FileChannel file, ByteBuffer data, String request) throws FilesException {
        try {
            while (data.hasRemaining()) {
                file.write(data);
            }
        } catch (IOException e) {
            throw new FilesException(Code.IO, request, "cannot store upload (" + e.getMessage() + ")");
        }
    }

    private static void place(Path temp, Path target, boolean replace, String request) throws IOException {
        if (replace) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try {
            try {
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.move(temp, target); // no hard links on this file system: a checked, non-atomic move
            }
        } catch (FileAlreadyExistsException e) {
            throw new FilesException(Code.EXISTS, request);
        }
    }
}
