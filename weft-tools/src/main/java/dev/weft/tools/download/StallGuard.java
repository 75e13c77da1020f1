package dev.weft.tools.download;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops connections that stop delivering: a server that accepts and then sends nothing, in the handshake, the head
 * or the middle of a body, would otherwise hold a download forever (a blocking socket channel has no read timeout).
 * Each exchange registers a {@link Watch} with what stops it; one clock thread runs that for every watch whose last
 * bytes are older than the timeout, and the reader, its read failed, reports a retryable "no data" failure.
 */
final class StallGuard implements AutoCloseable {

    private final long timeoutNanos;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("download-stall-guard").factory());

    StallGuard(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        long period = Math.max(10, timeout.toMillis() / 4);
        clock.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Starts watching until the returned watch is closed; {@code stop} (closing the connection) ends a stall. */
    Watch watch(Runnable stop) {
        Watch watch = new Watch(stop);
        watches.add(watch);
        return watch;
    }

    private void check() {
        long now = System.nanoTime();
        for (Watch watch : watches) {
            if (now - watch.last > timeoutNanos) {
                watch.stop();
            }
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }

    /** One connection being read by one thread. */
    final class Watch implements AutoCloseable {

        private final Runnable stop;
        private volatile long last = System.nanoTime();
        private boolean stalled;
        private boolean closed;

        private Watch(Runnable stop) {
            this.stop = stop;
        }

        /** Bytes arrived. */
        void progressed() {
            last = System.nanoTime();
        }

        /** Whether the guard stopped the connection for lack of data. */
        synchronized boolean stalled() {
            return stalled;
        }

        private synchronized void stop() {
            if (!closed && !stalled) {
                stalled = true;
                stop.run();
            }
        }

        /** Stops watching. */
        @Override
        public synchronized void close() {
            closed = true;
            watches.remove(this);
        }
    }
}
