package dev.weft.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/** Counts the open connections against the limit and drains or aborts them at shutdown. */
final class ConnectionTracker {

    /**
     * How the tracker asks one connection to finish, forces it to, and sees a write stuck on a peer that
     * stopped reading ({@code writingSince} gives the nanoTime a pending write started, or 0).
     */
    record Live(Runnable drain, Runnable abort, LongSupplier writingSince) {
        Live(Runnable drain, Runnable abort) {
            this(drain, abort, () -> 0);
        }
    }

    private final int max;
    private final ServerMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Live> live = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition empty = lock.newCondition();
    private volatile boolean draining;

    ConnectionTracker(int max, ServerMetrics metrics) {
        this.max = max;
        this.metrics = metrics;
    }

    /** Reserves a slot for a new connection; false when the server is full or shutting down. */
    boolean tryReserve() {
        if (draining || open.incrementAndGet() > max) {
            open.decrementAndGet();
            metrics.rejected();
            return false;
        }
        return true;
    }

    /** Registers a connection that holds a reserved slot. */
    void add(Live connection) {
        live.add(connection);
        metrics.opened();
        if (draining) {
            connection.drain().run();
        }
    }

    /** Releases the slot of a connection that was added (or only reserved, when {@code connection} is null). */
    void remove(Live connection) {
        if (connection != null && live.remove(connection)) {
            metrics.closed();
        }
        open.decrementAndGet();
        lock.lock();
        try {
            empty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int open() {
        return open.get();
    }

    /** Aborts every connection whose pending write has made no progress for longer than {@code limitNanos}. */
    void abortStalledWriters(long limitNanos) {
        long now = System.nanoTime();
        for (Live connection : live) {
            long since = connection.writingSince().getAsLong();
            if (since != 0 && now - since > limitNanos) {
                connection.abort().run();
            }
        }
    }

    /** Asks every connection to finish, waits up to {@code grace}, then aborts the rest; true if all finished in time. */
    boolean drain(Duration grace) throws InterruptedException {
        draining = true;
        live.forEach(connection -> connection.drain().run());
        long deadline = System.nanoTime() + grace.toNanos();
        lock.lock();
        try {
            while (open.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                empty.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
        boolean clean = open.get() == 0;
        live.forEach(connection -> connection.abort().run());
        return clean;
    }
}
