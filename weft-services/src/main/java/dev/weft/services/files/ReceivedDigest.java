package dev.weft.services.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of a download, hashed on its own thread from the very buffers the receiver writes to the file: a few
 * direct buffers go round between the two, so hashing overlaps receiving and no byte is read back from the page cache
 * (what {@link FollowingDigest} does, which cost the receiving side a second pass over 1 GiB: issue 27). Bytes an
 * earlier attempt left in the file are hashed from the file first. The hashing thread is a platform thread: a
 * transfer keeps it busy from start to end.
 */
final class ReceivedDigest implements AutoCloseable {

    /** Bytes per buffer: large enough that a write and a hash step cost few calls (see the size's own reason). */
    static final int CHUNK = ConnectionInput.BODY_BUFFER;
    private static final int BUFFERS = 3;
    private static final ByteBuffer END = ByteBuffer.allocate(0);
    private static final ByteBuffer ABANDON = ByteBuffer.allocate(0);

    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final FileChannel file;
    private final long prefix;
    private final int bufferSize;
    private int buffers;
    private boolean finished;

    private ReceivedDigest(FileChannel file, long prefix, long size) {
        this.file = file;
        this.prefix = prefix;
        this.bufferSize = (int) Math.max(1, Math.min(CHUNK, size - prefix));
    }

    /**
     * Starts hashing: first bytes [0, prefix) of {@code file}, then every chunk {@link #hash handed} over until
     * {@code size}. Buffers are made as needed, none larger than what is left to receive (many small downloads at
     * once stay small).
     */
    static ReceivedDigest start(FileChannel file, long prefix, long size) {
        ReceivedDigest digest = new ReceivedDigest(file, prefix, size);
        Thread.ofPlatform().daemon().name("weft-files-sha256").start(digest::run);
        return digest;
    }

    /**
     * An empty direct buffer of at most {@link #CHUNK} bytes to receive into; waits while all of them are being
     * hashed.
     */
    ByteBuffer buffer() throws IOException {
        ByteBuffer ready = free.poll();
        if (ready != null) {
            return ready.clear();
        }
        if (buffers < BUFFERS) {
            buffers++;
            return ByteBuffer.allocateDirect(bufferSize);
        }
        try {
            while (true) {
                ByteBuffer buffer = free.poll(100, TimeUnit.MILLISECONDS);
                if (buffer != null) {
                    return buffer.clear();
                }
                if (result.isDone()) {
                    outcome(); // hashing failed: its error
                    throw new IOException("hashing stopped before the download ended");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        }
    }

    /** Hands over the remaining bytes of {@code buffer} (from {@link #buffer}), already written to the file. */
    void hash(ByteBuffer buffer) {
        full.add(buffer); // never full: at most BUFFERS buffers are out, plus one END
    }

    /** Waits until everything handed over is hashed and returns the SHA-256. */
    byte[] finish() throws IOException {
        finished = true;
        full.add(END);
        return outcome();
    }

    /** Stops the hashing thread if {@link #finish} was not reached (the transfer failed). */
    @Override
    public void close() {
        if (!finished) {
            full.offer(ABANDON);
        }
    }

    private byte[] outcome() throws IOException {
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

    private void run() {
        MessageDigest digest = Digests.sha256();
        try {
            Digests.update(digest, file, prefix);
            for (ByteBuffer chunk = full.take(); chunk != END; chunk = full.take()) {
                if (chunk == ABANDON) {
                    result.complete(null);
                    return;
                }
                digest.update(chunk);
                free.add(chunk);
            }
            result.complete(digest.digest());
        } catch (IOException e) {
            result.completeExceptionally(new UncheckedIOException(e));
        } catch (InterruptedException | RuntimeException e) {
            result.completeExceptionally(e);
        }
    }
}
