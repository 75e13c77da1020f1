package dev.weft.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.time.Duration;

/**
 * What a {@link Connection} reads from and writes to: a blocking socket on the thread, pool, virtual and processes
 * models, or an event-loop session that a protocol handed off to a blocking handler. {@link Connection} forwards
 * its whole public API here, so a {@link StreamHandler} cannot tell the two apart.
 */
sealed interface Ends permits SocketEnds, SessionEnds {

    InputStream input();

    OutputStream output();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    boolean isSecure();

    void readTimeout(Duration timeout) throws SocketException;

    /** Sends part of a file after what was written; the caller still owns the file and closes it afterwards. */
    void sendFile(FileChannel file, long position, long count) throws IOException;

    boolean draining();

    /** Marks the connection draining and wakes a reader waiting for input. */
    void drain();

    /** When the write in progress started (System.nanoTime), or 0. */
    long writingSince();

    void close();
}
