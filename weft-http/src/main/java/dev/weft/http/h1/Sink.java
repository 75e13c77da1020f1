package dev.weft.http.h1;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** Where a connection's bytes go: the protocol's transport before the hand-off, the engine's connection after. */
public interface Sink {

    /** Writes the bytes now; the caller may reuse the array once this returns. */
    void write(byte[] b, int off, int len) throws IOException;

    /** Sends part of a file after what was written, zero-copy where possible; closes the file. */
    void sendFile(FileChannel file, long position, long count) throws IOException;

    /** Stops reading and writing; the connection is done. */
    void close();

    /** Whether the connection is encrypted. */
    boolean isSecure();
}
