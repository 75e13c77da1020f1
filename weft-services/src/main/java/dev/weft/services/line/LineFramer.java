package dev.weft.services.line;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into lines at {@code '\n'}, whatever sizes the stream arrives in, holding at most
 * {@code maxLineLength} bytes of an unfinished line. Every line service frames with this one class, so
 * each gets the same bound and the same rule: a line is delivered with its terminator ({@code "\n"} or
 * {@code "\r\n"}) kept, exactly as the client sent it. Works on bytes, so any ASCII-compatible encoding
 * (UTF-8, GBK; see {@link LineEncoding}) frames correctly. Not thread-safe: one framer per connection.
 */
public final class LineFramer {

    private final int maxLineLength;
    private byte[] partial = new byte[64];
    private int partialLength;

    /** @param maxLineLength the most bytes a line may have before its {@code '\n'} */
    public LineFramer(int maxLineLength) {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be at least 1, not " + maxLineLength);
        }
        this.maxLineLength = maxLineLength;
    }

    /**
     * Consumes all of {@code data}, handing each line it completes to {@code line} in order. Bytes after the
     * last {@code '\n'} are kept for the next call.
     *
     * @throws LineTooLongException when a line grows past the limit; the framer is then empty and the
     *                              connection should be closed, since the rest of that line would follow
     */
    public void feed(ByteBuffer data, Consumer<byte[]> line) throws LineTooLongException {
        while (data.hasRemaining()) {
            int end = indexOfNewline(data);
            int chunk = (end < 0 ? data.limit() : end + 1) - data.position();
            int lineLength = partialLength + chunk - (end < 0 ? 0 : 1);
            if (lineLength > maxLineLength) {
                clear();
                throw new LineTooLongException(maxLineLength);
            }
            if (end < 0) {
                append(data, chunk);
                return;
            }
            if (partialLength == 0) {
                byte[] whole = new byte[chunk];
                data.get(whole);
                line.accept(whole);
            } else {
                append(data, chunk);
                line.accept(takePartial());
            }
        }
    }

    /** True when bytes of an unfinished line are held. */
    public boolean hasPartial() {
        return partialLength > 0;
    }

    /** Returns the unfinished line held so far (possibly empty) and forgets it. */
    public byte[] takePartial() {
        byte[] taken = Arrays.copyOf(partial, partialLength);
        clear();
        return taken;
    }

    private void clear() {
        partialLength = 0;
        if (partial.length > 4096) {
            partial = new byte[64];
        }
    }

    private void append(ByteBuffer data, int count) {
        if (partialLength + count > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partialLength + count, partial.length * 2));
        }
        data.get(partial, partialLength, count);
        partialLength += count;
    }

    private static int indexOfNewline(ByteBuffer data) {
        for (int i = data.position(); i < data.limit(); i++) {
            if (data.get(i) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
