package dev.weft.http.h1;

import java.nio.ByteBuffer;

/**
 * Takes the chunked framing (RFC 9112 §7.1) out of a response body in place, in whatever buffer the bytes were
 * read into (a direct buffer, for a body that goes straight to a file): it consumes size lines, chunk ends and
 * trailer fields and says how many body bytes follow. Sizes are hex; extensions and trailers are read and dropped.
 * Lines may end in CRLF or LF, as in {@link ResponseParser}; lines and the trailer section are bounded.
 */
public final class ChunkedDecoder {

    private static final int MAX_LINE = 4096;
    private static final int MAX_TRAILERS = 64 * 1024;

    private enum State { SIZE, DATA, DATA_END, TRAILER, DONE }

    private final StringBuilder line = new StringBuilder();
    private State state = State.SIZE;
    private boolean cr;
    private long chunkLeft;
    private long total;
    private int trailerBytes;

    /**
     * Consumes framing at {@code in}'s position until body bytes start there or the input runs out.
     *
     * @return how many body bytes start at {@code in}'s position, which the caller must consume before calling again;
     *         0 when more input is needed or the body is complete ({@link #finished()})
     * @throws MalformedResponseException naming the bad framing
     */
    public int next(ByteBuffer in) throws MalformedResponseException {
        while (in.hasRemaining()) {
            switch (state) {
                case DATA -> {
                    int n = (int) Math.min(chunkLeft, in.remaining());
                    chunkLeft -= n;
                    if (chunkLeft == 0) {
                        state = State.DATA_END;
                    }
                    return n;
                }
                case DONE -> {
                    return 0;
                }
                default -> {
                    if (line(in)) {
                        endOfLine();
                    }
                }
            }
        }
        return 0;
    }

    /** Whether the last chunk and the trailer section have been read. */
    public boolean finished() {
        return state == State.DONE;
    }

    /** The body bytes announced so far by the chunk sizes. */
    public long announced() {
        return total;
    }

    /** Adds the bytes of {@code in} to the current line up to its LF; true when the line is complete. */
    private boolean line(ByteBuffer in) throws MalformedResponseException {
        int limit = state == State.TRAILER ? Math.min(MAX_LINE, MAX_TRAILERS - trailerBytes) : MAX_LINE;
        while (in.hasRemaining()) {
            int c = in.get() & 0xff;
            if (cr && c != '\n') {
                throw new MalformedResponseException("bare CR in chunked framing after '" + line + "'");
            }
            if (c == '\n') {
                cr = false;
                return true;
            }
            if (c == '\r') {
                cr = true;
                continue;
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new MalformedResponseException("control character 0x" + Integer.toHexString(c)
                        + " in chunked framing after '" + line + "'");
            }
            if (line.length() >= limit) {
                throw new MalformedResponseException("chunked framing line longer than " + limit + " bytes: '"
                        + line.substring(0, 40) + "...'");
            }
            line.append((char) c);
        }
        return false;
    }

    private void endOfLine() throws MalformedResponseException {
        String text = line.toString();
        line.setLength(0);
        switch (state) {
            case SIZE -> {
                chunkLeft = chunkSize(text);
                total += chunkLeft;
                state = chunkLeft == 0 ? State.TRAILER : State.DATA;
            }
            case DATA_END -> {
                if (!text.isEmpty()) {
                    throw new MalformedResponseException("chunk data longer than its size: '" + shortened(text) + "'");
                }
                state = State.SIZE;
            }
            case TRAILER -> {
                if (text.isEmpty()) {
                    state = State.DONE;
                } else if (text.charAt(0) == ' ' || text.charAt(0) == '\t' || text.indexOf(':') <= 0) {
                    throw new MalformedResponseException("malformed trailer field '" + shortened(text) + "'");
                } else {
                    trailerBytes += text.length() + 2;
                }
            }
            default -> throw new IllegalStateException("no line is read in state " + state);
        }
    }

    private static long chunkSize(String text) throws MalformedResponseException {
        int end = 0;
        while (end < text.length() && Character.digit(text.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == 0 || end > 15) {
            throw new MalformedResponseException("malformed chunk size '" + shortened(text) + "'");
        }
        String rest = text.substring(end);
        if (!rest.isEmpty() && !rest.matches("[ \\t]*;.*")) {
            throw new MalformedResponseException("malformed chunk size line '" + shortened(text) + "'");
        }
        return Long.parseLong(text.substring(0, end), 16);
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
