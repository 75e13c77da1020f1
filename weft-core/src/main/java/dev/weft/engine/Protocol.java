package dev.weft.engine;

import java.nio.ByteBuffer;

/**
 * An event-driven connection handler. The engine calls these methods one at a time for a
 * connection (never concurrently), on whatever thread the model uses, so a protocol must not block.
 */
public interface Protocol {

    /** The connection is open; keep the transport to write and close. */
    default void connectionMade(Transport transport) {
    }

    /**
     * Bytes arrived. The buffer is only valid during the call: copy what must outlive it.
     */
    void dataReceived(ByteBuffer data);

    /** The connection is closed, by either side; {@code cause} is null for a clean close. */
    default void connectionLost(Throwable cause) {
    }

    /**
     * The server is shutting down: finish in-flight work, then close the transport. The default closes
     * at once after queued writes; the engine aborts whatever is still open when the grace period ends.
     */
    default void shutdownRequested(Transport transport) {
        transport.close();
    }
}
