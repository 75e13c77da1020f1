package dev.weft.http.h1;

import java.io.IOException;
import java.io.InputStream;

import dev.weft.http.HttpProtocolException;

/**
 * A request body as the handler reads it, framed by Content-Length ({@link Fixed}) or chunked
 * ({@link Chunked}) over the connection's {@link InputBuffer}; it ends where the message ends. Before the
 * first read it runs the connection's {@code 100 Continue} hook when the client asked for one.
 */
abstract sealed class RequestBody extends InputStream {

    /** An empty body. */
    static final RequestBody EMPTY = new Fixed(null, 0, 0, null);

    final InputBuffer in;
    final long timeoutMillis;
    private Runnable beforeFirstRead;
    private boolean failed;

    RequestBody(InputBuffer in, long timeoutMillis, Runnable beforeFirstRead) {
        this.in = in;
        this.timeoutMillis = timeoutMillis;
        this.beforeFirstRead = beforeFirstRead;
    }

    /** Whether the whole body has been read. */
    abstract boolean finished();

    /** Whether the client has been asked for the body (no {@code 100 Continue} is still owed). */
    boolean requested() {
        return beforeFirstRead == null;
    }

    abstract int readBody(byte[] b, int off, int len) throws IOException;

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (finished()) {
            return -1;
        }
        if (failed) {
            throw new IOException("the request body already failed");
        }
        if (len == 0) {
            return 0;
        }
        if (beforeFirstRead != null) {
            Runnable hook = beforeFirstRead;
            beforeFirstRead = null;
            hook.run();
        }
        try {
            return readBody(b, off, len);
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /**
     * Reads and drops the rest of the body, at most {@code limit} bytes.
     *
     * @return true when the body ended within the limit
     */
    boolean discard(long limit) throws IOException {
        byte[] scrap = new byte[8192];
        long dropped = 0;
        while (!finished()) {
            int n = read(scrap, 0, scrap.length);
            if (n < 0) {
                return finished();
            }
            dropped += n;
            if (dropped > limit) {
                return false;
            }
        }
        return true;
    }

    static IOException truncated() {
        return new java.io.EOFException("the connection closed in the middle of the request body");
    }

    /** A body of a known length. */
    static final class Fixed extends RequestBody {
        private long remaining;

        Fixed(InputBuffer in, long length, long timeoutMillis, Runnable beforeFirstRead) {
            super(in, timeoutMillis, beforeFirstRead);
            this.remaining = length;
        }

        @Override
        boolean finished() {
            return remaining == 0;
        }

        long remaining() {
            return remaining;
        }

        @Override
        public int available() {
            return (int) Math.min(remaining, in == null ? 0 : in.available());
        }

        @Override
        int readBody(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, (int) Math.min(len, remaining), timeoutMillis);
            if (n < 0) {
                throw truncated();
            }
            remaining -= n;
            return n;
        }
    }

    /** A chunked body (RFC 9112 §7.1): sizes in hex, extensions and trailer fields read and dropped. */
    static final class Chunked extends RequestBody {
        private static final int MAX_LINE = 4096;
        private static final int MAX_TRAILERS = 64 * 1024;

        private final long maxBody;
        private long chunkLeft;
        private long total;
        private boolean done;

        Chunked(InputBuffer in, long maxBody, long timeoutMillis, Runnable beforeFirstRead) {
            super(in, timeoutMillis, beforeFirstRead);
            this.maxBody = maxBody;
        }

        @Override
        boolean finished() {
            return done;
        }

        @Override
        int readBody(byte[] b, int off, int len) throws IOException {
            if (chunkLeft == 0) {
                if (total > 0) {
                    expectCrlf();
                }
                chunkLeft = chunkSize();
                if (chunkLeft == 0) {
                    trailers();
                    done = true;
                    return -1;
                }
                total += chunkLeft;
                if (total > maxBody) {
                    throw new HttpProtocolException(413, "chunked request body larger than " + maxBody + " bytes");
                }
            }
            int n = in.read(b, off, (int) Math.min(len, chunkLeft), timeoutMillis);
            if (n < 0) {
                throw truncated();
            }
            chunkLeft -= n;
            return n;
        }

        private long chunkSize() throws IOException {
            String line = line(MAX_LINE);
            int end = 0;
            while (end < line.length() && Character.digit(line.charAt(end), 16) >= 0) {
                end++;
            }
            if (end == 0 || end > 15) {
                throw new HttpProtocolException(400, "malformed chunk size '" + line + "'");
            }
            String rest = line.substring(end);
            if (!rest.isEmpty() && !rest.matches("[ \\t]*;.*")) {
                throw new HttpProtocolException(400, "malformed chunk size line '" + line + "'");
            }
            return Long.parseLong(line.substring(0, end), 16);
        }

        private void trailers() throws IOException {
            int size = 0;
            while (true) {
                String line = line(MAX_TRAILERS - size);
                if (line.isEmpty()) {
                    return;
                }
                if (line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.indexOf(':') <= 0) {
                    throw new HttpProtocolException(400, "malformed trailer field '" + line + "'");
                }
                size += line.length() + 2;
            }
        }

        private void expectCrlf() throws IOException {
            if (!line(0).isEmpty()) {
                throw new HttpProtocolException(400, "chunk data longer than its size");
            }
        }

        /** One CRLF-terminated line of at most {@code max} bytes, with no bare CR or LF or other controls. */
        private String line(int max) throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                int c = in.read(timeoutMillis);
                if (c < 0) {
                    throw truncated();
                }
                if (c == '\r') {
                    if (in.read(timeoutMillis) != '\n') {
                        throw new HttpProtocolException(400, "bare CR in chunked framing");
                    }
                    return line.toString();
                }
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw new HttpProtocolException(400, "control character 0x" + Integer.toHexString(c) + " in chunked framing");
                }
                if (line.length() >= max) {
                    throw new HttpProtocolException(400, "chunked framing line longer than " + max + " bytes");
                }
                line.append((char) c);
            }
        }
    }
}
