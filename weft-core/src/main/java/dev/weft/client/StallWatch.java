package dev.weft.client;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a transfer that stops delivering. A socket read through a channel has no timeout, so a server that accepts and
 * then sends nothing, or stops in the middle of a body, would hold a client forever. One daemon clock thread for the
 * JVM checks each watch a few times per timeout and runs its stop action (closing the connection) once no byte came
 * for the timeout while the client was waiting for some; the client's read then fails, and {@link #stalled()} tells
 * it that the failure was a timeout. Closing rather than interrupting leaves the reading thread's interrupt alone.
 */
public final class StallWatch implements AutoCloseable {

    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("weft-stall-watch").factory());

    private final Runnable stop;
    private final ScheduledFuture<?> check;
    private volatile long timeoutNanos;
    private volatile long last = System.nanoTime();
    private volatile boolean waiting = true;
    private boolean stalled; // guarded by this
    private boolean closed; // guarded by this

    private StallWatch(Duration timeout, Runnable stop) {
        this.stop = stop;
        this.timeoutNanos = timeout.toNanos();
        long period = Math.max(10, timeout.toMillis() / 4);
        this.check = CLOCK.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Watches from now, waiting for bytes; {@code stop} (closing the connection) ends a stall. */
    public static StallWatch start(Duration timeout, Runnable stop) {
        return new StallWatch(timeout, stop);
    }

    /** Bytes arrived, or the client starts waiting for some: the timeout counts from now. */
    public void progressed() {
        last = System.nanoTime();
        waiting = true;
    }

    /** The client is not waiting for bytes (between requests): no stall until {@link #progressed()}. */
    public void pause() {
        waiting = false;
    }

    /** How long the server may stay silent from the next {@link #progressed()} on. */
    public void timeout(Duration timeout) {
        timeoutNanos = timeout.toNanos();
    }

    public Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    /** Whether the watch stopped the transfer for lack of data. */
    public synchronized boolean stalled() {
        return stalled;
    }

    private synchronized void check() {
        if (!closed && !stalled && waiting && System.nanoTime() - last > timeoutNanos) {
            stalled = true;
            stop.run();
        }
    }

    /** Stops watching: the stop action never runs after this returns. */
    @Override
    public synchronized void close() {
        closed = true;
        check.cancel(false);
    }
}
