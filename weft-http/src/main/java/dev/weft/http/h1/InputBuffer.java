package dev.weft.http.h1;

import java.io.IOException;

/**
 * A connection's read buffer: the bytes read from the {@link Source} and not yet consumed. Request heads
 * are parsed in place; bodies read through it. It grows to hold the largest head the limits allow and
 * compacts when it runs out of room at the end.
 */
final class InputBuffer {

    private static final int INITIAL = 8 * 1024;
    private static final int MAX = 8 * 1024 + 64 * 1024 + 8 * 1024 + 4;

    private final Source source;
    byte[] buf = new byte[INITIAL];
    int start;
    int end;

    InputBuffer(Source source) {
        this.source = source;
    }

    int available() {
        return end - start;
    }

    /**
     * Reads more bytes from the source after what is buffered.
     *
     * @return the count read, or -1 at end of stream
     */
    int fill(long timeoutMillis, boolean betweenRequests) throws IOException {
        makeRoom();
        int n = source.read(buf, end, buf.length - end, timeoutMillis, betweenRequests);
        if (n > 0) {
            end += n;
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
        return n;
    }

    /**
     * Appends as much of {@code data} as fits after what is buffered, compacting or growing up to the limit as
     * {@link #fill} does; what does not fit stays in {@code data}.
     */
    void append(java.nio.ByteBuffer data) {
        while (data.hasRemaining() && (start > 0 || end < MAX)) {
            makeRoom();
            int n = Math.min(data.remaining(), buf.length - end);
            data.get(buf, end, n);
            end += n;
        }
    }

    private void makeRoom() {
        if (end == buf.length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else {
                if (buf.length >= MAX) {
                    throw new IllegalStateException("input buffer is full at " + buf.length + " bytes");
                }
                buf = java.util.Arrays.copyOf(buf, Math.min(MAX, buf.length * 2));
            }
        }
    }

    /** Copies up to {@code len} buffered bytes out, or reads from the source straight into {@code b} when empty. */
    int read(byte[] b, int off, int len, long timeoutMillis) throws IOException {
        if (start == end) {
            if (len >= buf.length) {
                return source.read(b, off, len, timeoutMillis, false);
            }
            start = 0;
            end = 0;
            int n = fill(timeoutMillis, false);
            if (n < 0) {
                return -1;
            }
        }
        int n = Math.min(len, end - start);
        System.arraycopy(buf, start, b, off, n);
        start += n;
        return n;
    }

    /** One byte, or -1 at end of stream. */
    int read(long timeoutMillis) throws IOException {
        if (start == end && fill(timeoutMillis, false) < 0) {
            return -1;
        }
        return buf[start++] & 0xff;
    }

    void consume(int n) {
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }
}
