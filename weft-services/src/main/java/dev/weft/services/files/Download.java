package dev.weft.services.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;

import dev.weft.services.files.FilesException.Code;

/**
 * One verified, resumable download. Bytes go to a hidden partial file next to the target
 * ({@code .NAME.weft-part}); when the connection breaks the partial stays, and the next attempt asks
 * the server for the rest from its length. Only a file whose SHA-256 matches the server's is moved
 * into place under the target name; a refusal, a mismatch or a local write error deletes the partial.
 */
public final class Download {

    private static final int CHUNK = 64 * 1024;

    /**
     * A finished download.
     *
     * @param resumedFrom how many bytes an earlier attempt had already fetched (0 for a fresh start)
     * @param sha256      hex digest, verified against the server's; null for the raw protocol, which has none
     */
    public record Result(String remote, Path file, long size, long resumedFrom, String sha256) {
    }

    private final FilesClient client;
    private final String remote;
    private final Path target;
    private final Path partial;
    private final TransferListener listener;

    Download(FilesClient client, String remote, Path target, TransferListener listener) {
        this.client = client;
        this.remote = remote;
        this.target = target.toAbsolutePath().normalize();
        this.partial = partialFile(this.target);
        this.listener = listener;
    }

    /** Where the download of {@code target} keeps its bytes until they are verified. */
    public static Path partialFile(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".weft-part");
    }

    Result run() throws IOException {
        if (!Files.isDirectory(target.getParent())) {
            throw new IOException("cannot write " + target + ": no such directory");
        }
        boolean keep = false;
        try (FileChannel file = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = lock(file)) {
            try {
                Result result = receive(file);
                file.force(false);
                return result;
            } catch (FilesException e) {
                throw e;
            } catch (IOException e) {
                keep = file.size() > 0; // the connection broke: keep what arrived for the next attempt
                throw e;
            }
        } catch (AlreadyLocked e) {
            keep = true;
            throw new IOException("another download is writing " + partial);
        } finally {
            if (!keep) {
                Files.deleteIfExists(partial);
            }
        }
    }

    private Result receive(FileChannel file) throws IOException {
        long offset = file.size();
        long[] announced;
        try {
            announced = client.requestFile(remote, offset);
        } catch (FilesException e) {
            if (e.code() != Code.BAD_OFFSET) {
                throw e;
            }
            file.truncate(0); // the partial is longer than the remote file: it is from another version
            offset = 0;
            announced = client.requestFile(remote, 0);
        }
        long size = announced[0];
        byte[] expected;
        byte[] actual;
        try (FollowingDigest digest = FollowingDigest.start(file, offset)) {
            copyBody(file, offset, size, digest);
            expected = client.readTrailer(remote, size);
            actual = digest.finish(size);
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new FilesException(Code.CHECKSUM, remote, "downloaded bytes fail the SHA-256 check"
                    + (offset > 0 ? " (the file changed on the server since the interrupted attempt? run again)" : ""));
        }
        place(file, announced[1]);
        return new Result(remote, target, size, offset, Wire.hex(expected));
    }

    private void copyBody(FileChannel file, long offset, long size, FollowingDigest digest) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long position = offset;
        listener.progress(remote, position, size);
        while (position < size) {
            int n = client.readBody(buffer, (int) Math.min(CHUNK, size - position));
            if (n < 0) {
                throw new IOException("connection to " + client.endpoint() + " closed after " + position + " of " + size
                        + " bytes of " + remote + "; run again to resume");
            }
            write(file, ByteBuffer.wrap(buffer, 0, n), position);
            position += n;
            digest.written(position);
            listener.progress(remote, position, size);
        }
    }

    private void write(FileChannel file, ByteBuffer data, long position) throws FilesException {
        try {
            while (data.hasRemaining()) {
                position += file.write(data, position);
            }
        } catch (IOException e) {
            throw new FilesException(Code.IO, partial.toString(), "cannot write (" + e.getMessage() + ")");
        }
    }

    private void place(FileChannel file, long modifiedMillis) throws IOException {
        file.force(false);
        Files.setLastModifiedTime(partial, FileTime.fromMillis(modifiedMillis));
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static FileLock lock(FileChannel file) throws IOException {
        try {
            FileLock lock = file.tryLock();
            if (lock == null) {
                throw new AlreadyLocked();
            }
            return lock;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new AlreadyLocked();
        }
    }

    /** Another process holds the partial file: it must be left alone. */
    private static final class AlreadyLocked extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
