package dev.weft.lab;

import java.util.concurrent.Semaphore;

/**
 * Python's {@code threading.BoundedSemaphore}: a semaphore that refuses a release which would raise its count above
 * where it started. A plain {@link Semaphore} accepts it silently, so a release without an acquire goes unnoticed
 * (the seeds' candy machine uses the bound to say "full, skipping").
 */
public final class BoundedSemaphore {

    private final Semaphore permits;
    private final int bound;

    public BoundedSemaphore(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("a bounded semaphore needs at least 1 permit, not " + bound);
        }
        this.bound = bound;
        this.permits = new Semaphore(bound);
    }

    public void acquire() throws InterruptedException {
        permits.acquire();
    }

    public boolean tryAcquire() {
        return permits.tryAcquire();
    }

    /**
     * Returns one permit. Releases are serialised so the check and the release are one step; acquires running
     * meanwhile only lower the count, so the check can never let the count pass the bound.
     *
     * @throws IllegalStateException when every permit is already available
     */
    public synchronized void release() {
        int available = permits.availablePermits();
        if (available >= bound) {
            throw new IllegalStateException("semaphore released too many times: " + available + " of " + bound
                    + " permits are already available");
        }
        permits.release();
    }

    public int availablePermits() {
        return permits.availablePermits();
    }
}
