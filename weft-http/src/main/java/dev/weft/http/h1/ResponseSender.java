package dev.weft.http.h1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import dev.weft.http.HttpHeaders;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpStatus;
import dev.weft.http.ResponseBody;

/**
 * Writes responses on one connection: the head with the framing fields the server owns (Date, Server,
 * Content-Length or Transfer-Encoding, Connection), then the body. Small bodies go out with the head in
 * one write, files through {@link Sink#sendFile}, streams and writers chunked when their length is unknown.
 */
final class ResponseSender {

    private static final int INLINE_BODY = 32 * 1024;
    private static final int COPY_BUFFER = 16 * 1024;

    private final Sink sink;
    private final String serverName;
    private final HeadBuilder head = new HeadBuilder();

    /** Set once any byte of the current response is written: after that a failure can only close. */
    private boolean started;

    ResponseSender(Sink sink, String serverName) {
        this.sink = sink;
        this.serverName = serverName;
    }

    boolean started() {
        return started;
    }

    void sendContinue() throws IOException {
        byte[] line = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        sink.write(line, 0, line.length);
    }

    /**
     * Sends {@code response} to a request.
     *
     * @param headRequest whether the request was HEAD (the body is described, not sent)
     * @param http10      whether the client speaks HTTP/1.0 (no chunking: an unknown length closes)
     * @param close       whether to close after this response
     * @return the body bytes sent, and whether the connection must close
     */
    Sent send(HttpResponse response, boolean headRequest, boolean http10, boolean close) throws IOException {
        started = false;
        int status = response.status();
        ResponseBody body = response.body();
        boolean bodyAllowed = status >= 200 && status != 204 && status != 304;
        long length = bodyAllowed ? body.length() : 0;
        boolean chunked = bodyAllowed && length == ResponseBody.UNKNOWN && !http10;
        if (bodyAllowed && length == ResponseBody.UNKNOWN && http10) {
            close = true;
        }
        head.reset().ascii(http10 ? "HTTP/1.0 " : "HTTP/1.1 ").number(status).ascii(" ").ascii(HttpStatus.reason(status)).crlf();
        head.field("Date", HttpDate.now()).field("Server", serverName);
        HttpHeaders headers = response.headers();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            if (!owned(name)) {
                head.field(name, headers.value(i));
            }
        }
        if (chunked) {
            head.field("Transfer-Encoding", "chunked");
        } else if (bodyAllowed && length >= 0) {
            head.ascii("Content-Length: ").number(length).crlf();
        }
        if (close) {
            head.field("Connection", "close");
        } else if (http10) {
            head.field("Connection", "keep-alive");
        }
        head.crlf();
        if (!bodyAllowed || headRequest) {
            closeUnsent(body);
            flushHead();
            return new Sent(0, close);
        }
        long sent = switch (body) {
            case ResponseBody.Empty empty -> {
                flushHead();
                yield 0;
            }
            case ResponseBody.Bytes bytes -> sendBytes(bytes.bytes());
            case ResponseBody.FileRegion file -> sendFile(file);
            case ResponseBody.Stream stream -> sendStream(stream.in(), length, chunked);
            case ResponseBody.Writer writer -> sendWriter(writer.writer(), length, chunked);
        };
        return new Sent(sent, close);
    }

    /** What one response put on the wire. */
    record Sent(long bodyBytes, boolean close) {
    }

    /** Whether the sender writes this field itself; the length picks the one name to compare. */
    private static boolean owned(String name) {
        return switch (name.length()) {
            case 4 -> name.equalsIgnoreCase("Date");
            case 6 -> name.equalsIgnoreCase("Server");
            case 10 -> name.equalsIgnoreCase("Connection");
            case 14 -> name.equalsIgnoreCase("Content-Length");
            case 17 -> name.equalsIgnoreCase("Transfer-Encoding");
            default -> false;
        };
    }

    private void flushHead() throws IOException {
        started = true;
        sink.write(head.buf, 0, head.size);
    }

    private long sendBytes(byte[] bytes) throws IOException {
        if (bytes.length <= INLINE_BODY) {
            head.bytes(bytes, 0, bytes.length);
            flushHead();
        } else {
            flushHead();
            sink.write(bytes, 0, bytes.length);
        }
        return bytes.length;
    }

    private long sendFile(ResponseBody.FileRegion region) throws IOException {
        FileChannel file = FileChannel.open(region.path(), StandardOpenOption.READ);
        try {
            if (region.count() <= INLINE_BODY && !sink.isSecure()) {
                byte[] small = new byte[(int) region.count()];
                java.nio.ByteBuffer into = java.nio.ByteBuffer.wrap(small);
                while (into.hasRemaining()) {
                    if (file.read(into, region.position() + into.position()) < 0) {
                        throw new IOException(region.path() + " ended before byte " + (region.position() + region.count()));
                    }
                }
                file.close();
                return sendBytes(small);
            }
            flushHead();
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        sink.sendFile(file, region.position(), region.count());
        return region.count();
    }

    private long sendStream(InputStream in, long length, boolean chunked) throws IOException {
        try (in; OutputStream out = bodyStream(length, chunked)) {
            flushHead();
            in.transferTo(out);
            return ((Counted) out).count();
        }
    }

    private long sendWriter(ResponseBody.BodyWriter writer, long length, boolean chunked) throws IOException {
        OutputStream out = bodyStream(length, chunked);
        flushHead();
        writer.writeTo(out);
        out.close();
        return ((Counted) out).count();
    }

    private void closeUnsent(ResponseBody body) throws IOException {
        if (body instanceof ResponseBody.Stream stream) {
            stream.in().close();
        }
    }

    private OutputStream bodyStream(long length, boolean chunked) {
        return chunked ? new ChunkedOut(sink) : new PlainOut(sink, length);
    }

    /** A body stream that knows how many body bytes went through it. */
    private interface Counted {
        long count();
    }

    /** Buffers body bytes and writes each full buffer (and the rest at close) as one chunk. */
    private static final class ChunkedOut extends OutputStream implements Counted {
        private final Sink sink;
        private final byte[] buffer = new byte[COPY_BUFFER + 32];
        private int used;
        private long count;
        private boolean closed;

        ChunkedOut(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("response body already finished");
            }
            while (len > 0) {
                int n = Math.min(len, COPY_BUFFER - used);
                System.arraycopy(b, off, buffer, 16 + used, n);
                used += n;
                off += n;
                len -= n;
                count += n;
                if (used == COPY_BUFFER) {
                    flushChunk(false);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (used > 0) {
                flushChunk(false);
            }
        }

        /** Writes the buffered bytes as a chunk: size line before them (in the 16 bytes kept free) and CRLF after. */
        private void flushChunk(boolean last) throws IOException {
            int offset = 16;
            if (used > 0) {
                byte[] size = (Integer.toHexString(used) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                offset = 16 - size.length;
                System.arraycopy(size, 0, buffer, offset, size.length);
                buffer[16 + used] = '\r';
                buffer[16 + used + 1] = '\n';
            }
            int end = used > 0 ? 16 + used + 2 : 16;
            if (last) {
                byte[] terminator = {'0', '\r', '\n', '\r', '\n'};
                System.arraycopy(terminator, 0, buffer, end, terminator.length);
                end += terminator.length;
            }
            used = 0;
            sink.write(buffer, offset, end - offset);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                flushChunk(true);
            }
        }

        @Override
        public long count() {
            return count;
        }
    }

    /** Passes body bytes through, checking a known length is neither exceeded nor left short. */
    private static final class PlainOut extends OutputStream implements Counted {
        private final Sink sink;
        private final long length;
        private long count;

        PlainOut(Sink sink, long length) {
            this.sink = sink;
            this.length = length;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (length >= 0 && count + len > length) {
                throw new IOException("response body longer than its declared " + length + " bytes");
            }
            sink.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            if (length >= 0 && count != length) {
                throw new IOException("response body of " + count + " bytes, declared " + length);
            }
        }

        @Override
        public long count() {
            return count;
        }
    }
}
