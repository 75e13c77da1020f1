package dev.weft.services.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The SHA-256 of a file hashed on its own thread while another thread writes it, by reading back what
 * was written (from the page cache). SHA-256 runs at about 1,300 MB/s per core here with the optimising compiler
 * (100 MB/s under C1 only: the launcher keeps C2 for commands that hash, issue 27), no faster than a 10 GbE link or
 * loopback, so hashing on the receiving thread would cap a transfer at hash speed; following the writer overlaps the
 * two. A download hands its buffers over instead ({@link ReceivedDigest}) and saves the read-back.
 */
final class FollowingDigest implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final FileChannel file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private long written;
    private long end = -1;
    private boolean abandoned;

    private FollowingDigest(FileChannel file, long written) {
        this.file = file;
        this.written = written;
    }

    /** Starts hashing {@code file} from byte 0; the first {@code written} bytes are already there. */
    static FollowingDigest start(FileChannel file, long written) {
        FollowingDigest digest = new FollowingDigest(file, written);
        Thread.ofVirtual().name("weft-files-sha256").start(digest::run);
        return digest;
    }

    /** The writer has written everything before {@code position}. */
    void written(long position) {
        lock.lock();
        try {
            written = position;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the first {@code size} bytes are hashed and returns their SHA-256. */
    byte[] finish(long size) throws IOException {
        lock.lock();
        try {
            end = size;
            written = Math.max(written, size);
            changed.signal();
        } finally {
            lock.unlock();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                    : new IOException("hashing failed: " + e.getCause(), e.getCause());
        }
    }

    /** Stops the hashing thread if {@link #finish} was not reached (the transfer failed). */
    @Override
    public void close() {
        lock.lock();
        try {
            abandoned = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        MessageDigest digest = Digests.sha256();
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
        long hashed = 0;
        try {
            while (true) {
                long available = awaitBytes(hashed);
                if (available < 0) {
                    result.complete(hashed == end ? digest.digest() : null);
                    return;
                }
                while (hashed < available) {
                    buffer.clear().limit((int) Math.min(CHUNK, available - hashed));
                    int n = file.read(buffer, hashed);
                    if (n < 0) {
                        throw new IOException("file ended at byte " + hashed + " while hashing");
                    }
                    digest.update(buffer.flip());
                    hashed += n;
                }
            }
        } catch (IOException e) {
            result.completeExceptionally(new UncheckedIOException(e));
        } catch (InterruptedException | RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** Waits for bytes beyond {@code hashed}; returns how far to hash, or -1 when done or abandoned. */
    private long awaitBytes(long hashed) throws InterruptedException {
        lock.lock();
        try {
            while (!abandoned && written <= hashed && !(end >= 0 && hashed >= end)) {
                changed.await();
            }
            if (abandoned || end >= 0 && hashed >= end) {
                return -1;
            }
            return end >= 0 ? Math.min(written, end) : written;
        } finally {
            lock.unlock();
        }
    }
}
