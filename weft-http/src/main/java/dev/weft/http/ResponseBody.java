package dev.weft.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a response carries: nothing, bytes, a region of a file (sent zero-copy where the model allows),
 * a stream to copy, or a writer that produces the body. A body of unknown length ({@link #UNKNOWN}) goes
 * out chunked to HTTP/1.1 clients and delimited by closing the connection to HTTP/1.0 ones.
 */
public sealed interface ResponseBody {

    long UNKNOWN = -1;

    /** The body length in bytes, or {@link #UNKNOWN}. */
    long length();

    /** No body. */
    record Empty() implements ResponseBody {
        @Override
        public long length() {
            return 0;
        }
    }

    /** A body in memory; the array is not copied and must not change once handed over. */
    record Bytes(byte[] bytes) implements ResponseBody {
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public long length() {
            return bytes.length;
        }
    }

    /** {@code count} bytes of the file at {@code path} from {@code position}; the server opens it when it sends. */
    record FileRegion(Path path, long position, long count) implements ResponseBody {
        public FileRegion {
            Objects.requireNonNull(path, "path");
            if (position < 0 || count < 0) {
                throw new IllegalArgumentException("bad file region " + position + "+" + count + " of " + path);
            }
        }

        @Override
        public long length() {
            return count;
        }
    }

    /** A stream copied to the client and then closed; {@code length} is exact or {@link #UNKNOWN}. */
    record Stream(InputStream in, long length) implements ResponseBody {
        public Stream {
            Objects.requireNonNull(in, "in");
        }
    }

    /** A body the server asks {@code writer} to write when it sends the response. */
    record Writer(BodyWriter writer, long length) implements ResponseBody {
        public Writer {
            Objects.requireNonNull(writer, "writer");
        }
    }

    /** Writes a body to the connection; the server frames it (chunks) and flushes it. */
    @FunctionalInterface
    interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }
}
