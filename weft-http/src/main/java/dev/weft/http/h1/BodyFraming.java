package dev.weft.http.h1;

/**
 * Where a response body ends (RFC 9112 §6.3): after a number of bytes, after the last chunk, or when the server
 * closes the connection. A response that has no body (1xx, 204, 304) is {@code Length(0)}.
 */
public sealed interface BodyFraming {

    /** A body of exactly {@code bytes} bytes ({@code Content-Length}). */
    record Length(long bytes) implements BodyFraming {
        public Length {
            if (bytes < 0) {
                throw new IllegalArgumentException("a body length must not be negative, not " + bytes);
            }
        }
    }

    /** A chunked body ({@code Transfer-Encoding: chunked}), read with a {@link ChunkedDecoder}. */
    record Chunked() implements BodyFraming {
    }

    /** A body that ends when the server closes the connection (neither length nor chunked). */
    record UntilClose() implements BodyFraming {
    }
}
