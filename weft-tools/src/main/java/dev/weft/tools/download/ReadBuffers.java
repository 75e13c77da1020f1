package dev.weft.tools.download;

import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The direct read buffers of one run, one per running fetch and reused by the next: a fresh direct buffer is zeroed
 * memory, and 200 small files must not pay for 200 of them. Large buffers mean few reads for a large file (a 1 GiB
 * body in 1 MiB reads is 1,024 socket reads and 1,024 file writes); with many downloads at once each gets less, so
 * that all of them together stay within {@link #BUDGET} (direct memory counts against the launcher's small heap).
 */
final class ReadBuffers {

    /**
     * 1 MiB less a page, which is also the most one write to the file takes. A reader that lags behind the server
     * fills the whole buffer on every read; whole 1 MiB writes at 1 MiB-aligned offsets let the page cache take 1 MiB
     * folios, whose first touch costs these VMs 3-4x the kernel time of small pages (found for {@code weft files get}:
     * 1.5-2.5 s of sys for 1 GiB instead of 0.3-0.7 s). Writes of a page less never start on such an offset.
     */
    static final int MAX = 1024 * 1024 - 4096;
    static final int MIN = 16 * 1024;
    static final int BUDGET = 32 * 1024 * 1024;

    private final int size;
    private final Queue<ByteBuffer> free = new ConcurrentLinkedQueue<>();

    ReadBuffers(int parallel) {
        this.size = Math.clamp(BUDGET / Math.max(1, parallel), MIN, MAX);
    }

    int size() {
        return size;
    }

    ByteBuffer take() {
        ByteBuffer buffer = free.poll();
        return buffer != null ? buffer : ByteBuffer.allocateDirect(size);
    }

    void give(ByteBuffer buffer) {
        free.offer(buffer.clear());
    }
}
