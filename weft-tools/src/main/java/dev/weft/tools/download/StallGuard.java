package dev.weft.tools.download;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops bodies that stop arriving. The HttpClient's request timeout ends when the headers come; a server that then
 * sends nothing would hold a download forever. Each body read registers a {@link Watch}; one clock thread interrupts the
 * reader whose last bytes are older than the timeout, and the reader turns that into a retryable "no data" failure.
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

    /** Starts watching the calling thread until the returned watch is closed. */
    Watch watch() {
        Watch watch = new Watch(Thread.currentThread());
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

    /** One body being read by one thread. */
    final class Watch implements AutoCloseable {

        private final Thread reader;
        private volatile long last = System.nanoTime();
        private boolean stalled;
        private boolean closed;

        private Watch(Thread reader) {
            this.reader = reader;
        }

        /** Bytes arrived. */
        void progressed() {
            last = System.nanoTime();
        }

        /** Whether the guard interrupted the reader for lack of data. */
        synchronized boolean stalled() {
            return stalled;
        }

        private synchronized void stop() {
            if (!closed && !stalled) {
                stalled = true;
                reader.interrupt();
            }
        }

        /** Stops watching; clears the guard's own interrupt so it cannot hit whatever the thread does next. */
        @Override
        public synchronized void close() {
            closed = true;
            watches.remove(this);
            if (stalled) {
                Thread.interrupted();
            }
        }
    }
}
