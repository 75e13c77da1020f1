package dev.weft.services.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;

import dev.weft.client.LocalFileException;
import dev.weft.client.LocalReason;
import dev.weft.client.UserFile;
import dev.weft.services.files.FilesException.Code;

/**
 * One verified, resumable download, saved by {@link UserFile}'s rules (a symlink written through, a FIFO or device
 * in place). Bytes go to a hidden partial file next to the real target ({@code .NAME.weft-part}); when the connection breaks the partial stays, and the next attempt asks
 * the server for the rest from its length. Only a file whose SHA-256 matches the server's is moved
 * into place under the target name; a refusal, a mismatch or a local write error deletes the partial.
 */
public final class Download {

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
    private final TransferListener listener;
    private UserFile saveTo;
    private Path partial;

    Download(FilesClient client, String remote, Path target, TransferListener listener) {
        this.client = client;
        this.remote = remote;
        this.target = target.toAbsolutePath().normalize();
        this.listener = listener;
    }

    /**
     * Where the download of {@code target} keeps its bytes until they are verified: beside the file the bytes end
     * up in (a symlink's target), as {@code .NAME.weft-part}.
     */
    public static Path partialFile(Path target) throws LocalFileException {
        return UserFile.of(target.toAbsolutePath().normalize()).staging(".weft-part");
    }

    Result run() throws IOException {
        saveTo = UserFile.of(target); // a missing folder or a directory in the way: one line, before the request
        partial = saveTo.staging(".weft-part");
        boolean keep = false;
        try (FileChannel file = openPartial(); FileLock lock = lock(file)) {
            try {
                return receive(file);
            } catch (FilesException e) {
                throw e;
            } catch (IOException e) {
                keep = file.size() > 0; // the connection broke: keep what arrived for the next attempt
                throw e;
            }
        } catch (AlreadyLocked e) {
            keep = true;
            throw new IOException("another download is writing " + target + " (its partial file is locked)");
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
        try (ReceivedDigest digest = ReceivedDigest.start(file, offset, size)) {
            copyBody(file, offset, size, digest);
            expected = client.readTrailer(remote, size);
            actual = digest.finish();
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new FilesException(Code.CHECKSUM, remote, "downloaded bytes fail the SHA-256 check"
                    + (offset > 0 ? " (the file changed on the server since the interrupted attempt? run again)" : ""));
        }
        place(announced[1]);
        return new Result(remote, target, size, offset, Wire.hex(expected));
    }

    /**
     * Receives the body straight from the socket into buffers of up to {@link ReceivedDigest#CHUNK} bytes, writing what
     * each read brought and handing each full buffer to the hash.
     */
    private void copyBody(FileChannel file, long offset, long size, ReceivedDigest digest) throws IOException {
        long position = offset;
        listener.progress(remote, position, size);
        while (position < size) {
            ByteBuffer buffer = digest.buffer();
            buffer.limit((int) Math.min(buffer.capacity(), size - position));
            while (buffer.hasRemaining()) {
                int start = buffer.position();
                if (client.readBody(buffer) < 0) {
                    throw new IOException("connection to " + client.endpoint() + " closed after " + position + " of "
                            + size + " bytes of " + remote + "; run again to resume");
                }
                write(file, buffer.slice(start, buffer.position() - start), position);
                position += buffer.position() - start;
                listener.progress(remote, position, size);
            }
            digest.hash(buffer.flip());
        }
    }

    private void write(FileChannel file, ByteBuffer data, long position) throws FilesException {
        try {
            while (data.hasRemaining()) {
                position += file.write(data, position);
            }
        } catch (IOException e) {
            throw new FilesException(Code.IO, target.toString(), "cannot write (" + LocalReason.of(e) + ")");
        }
    }

    /**
     * Moves the verified partial into place. No fsync, as cp, curl and the raw client do not: forcing 1 GiB to disk
     * doubled the wall time of a verified get (issue 27); writeback is the kernel's, as for every other weft client.
     */
    private void place(long modifiedMillis) throws IOException {
        Files.setLastModifiedTime(partial, FileTime.fromMillis(modifiedMillis));
        saveTo.place(partial);
    }

    private FileChannel openPartial() throws LocalFileException {
        try {
            return FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw LocalFileException.of("write", target, e);
        }
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
