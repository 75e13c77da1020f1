package dev.weft.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;

/**
 * A {@link Protocol}'s handle on its connection. Writes are queued in order and never block the
 * caller for long; when much is queued the engine stops reading from the peer until it drains.
 * Two implementations: one for the event loop and one that drives a protocol from a blocking read loop.
 * {@link #handOff} moves the connection to a blocking {@link StreamHandler} under either.
 */
public interface Transport {

    /** Writes or queues the remaining bytes of {@code data}; the caller may reuse the buffer once this returns. */
    void write(ByteBuffer data);

    default void write(byte[] data) {
        write(ByteBuffer.wrap(data));
    }

    /**
     * Sends {@code count} bytes of {@code file} from {@code position} after what is queued, zero-copy where
     * the model allows. The transport owns the file from here on and closes it when sent or dropped.
     */
    void sendFile(FileChannel file, long position, long count) throws IOException;

    /** Closes the connection after everything queued has been written. */
    void close();

    /** Closes at once, dropping anything queued. */
    void abort();

    /**
     * Runs {@code task} after {@code delay}, serialised with this protocol's other callbacks; nothing
     * runs once the connection is closed. Returns a handle to cancel it.
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * Stops delivering bytes from the peer until {@link #resumeReading()}: back-pressure for a protocol whose
     * consumer is slower than its input. Safe from any thread; closing still works while paused.
     */
    void pauseReading();

    /** Delivers bytes from the peer again after {@link #pauseReading()}. Safe from any thread. */
    void resumeReading();

    /**
     * Hands the connection to a blocking handler, for good: from now on the engine calls this protocol no more (no
     * data, timers, shutdown request or loss) and runs {@code next} on a thread that may block, with a
     * {@link Connection} whose input starts with the bytes the protocol did not take (what it left in the buffer
     * of the {@code dataReceived} call in progress) followed by everything the peer sends later. The engine
     * closes the connection when {@code next} returns, as it does for any {@link StreamHandler}.
     *
     * <p>On the blocking models the read loop ends and {@code next} runs on the same thread, over the same socket.
     * On the event loop the loop keeps the socket I/O and TLS, and {@code next} runs on the runner's virtual
     * threads: its input is bounded (reading pauses while the handler lags), its writes block while the peer is
     * not reading, files still go zero-copy where the connection allows, the read timeout, draining and the
     * idle check of a stuck write apply, and the connection stays one connection in the metrics and limits.
     * Call it once, from one of this protocol's callbacks.
     */
    void handOff(StreamHandler next);

    /**
     * Whether this protocol's callbacks run on a thread that serves only this connection (the thread, pool, virtual
     * and processes models). There a {@link #handOff} costs nothing and the blocking handler reads straight from the
     * socket, so a protocol that has a blocking way to serve may as well hand off in {@code connectionMade}: serving
     * inline would only add a copy and a lock per read. False on the event loop, where inline serving is the point.
     */
    boolean ownThread();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    boolean isSecure();

    boolean isOpen();

    /** A scheduled task that may be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
