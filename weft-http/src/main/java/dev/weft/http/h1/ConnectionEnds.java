package dev.weft.http.h1;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Duration;

import dev.weft.engine.Connection;

/**
 * The {@link Source} and {@link Sink} of a connection after {@link Http1Protocol} handed it off: the engine's
 * {@link Connection} streams (a socket on the blocking models, the event loop's session on the event loop), with
 * the read timeout set per read.
 */
final class ConnectionEnds implements Source, Sink {

    private final Connection connection;
    private long timeout = -1;

    ConnectionEnds(Connection connection) {
        this.connection = connection;
    }

    @Override
    public int read(byte[] b, int off, int len, long timeoutMillis, boolean betweenRequests) throws IOException {
        if (timeoutMillis != timeout) {
            connection.readTimeout(Duration.ofMillis(timeoutMillis));
            timeout = timeoutMillis;
        }
        int n = connection.input().read(b, off, len);
        return n == 0 ? read(b, off, len, timeoutMillis, betweenRequests) : n;
    }

    @Override
    public boolean draining() {
        return connection.draining();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        connection.output().write(b, off, len);
    }

    @Override
    public void sendFile(FileChannel file, long position, long count) throws IOException {
        try (file) {
            connection.sendFile(file, position, count);
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public boolean isSecure() {
        return connection.isSecure();
    }
}
