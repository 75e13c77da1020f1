package dev.weft.http.h1;

import java.io.IOException;

/**
 * Where a connection's bytes come from once {@link Http1Protocol} has handed it to the engine: the engine's
 * {@link dev.weft.engine.Connection}. With {@link Sink}, the one seam between the HTTP/1.1 connection logic and the
 * engine.
 */
public interface Source {

    /**
     * Reads up to {@code len} bytes, waiting at most {@code timeoutMillis}.
     *
     * @return the count read, or -1 at end of stream (or when the server drains and {@code betweenRequests})
     * @throws java.net.SocketTimeoutException when nothing came in time
     */
    int read(byte[] b, int off, int len, long timeoutMillis, boolean betweenRequests) throws IOException;

    /** Whether the server is shutting down: the connection should close after the current exchange. */
    boolean draining();
}
