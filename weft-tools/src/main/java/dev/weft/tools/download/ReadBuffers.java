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

    static final int MAX = 1024 * 1024;
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
