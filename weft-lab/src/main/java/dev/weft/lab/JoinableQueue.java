package dev.weft.lab;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded blocking queue with Python's {@code task_done()} and {@code join()}: every item put is a task, each
 * consumer says when it has finished one, and {@link #join} waits until all are finished, not just taken.
 * Java's queues stop at "taken"; the count of unfinished tasks and its condition are this class's own.
 */
public final class JoinableQueue<T> {

    private final BlockingQueue<T> items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition allDone = lock.newCondition();
    private long unfinished;

    public JoinableQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, not " + capacity);
        }
        this.items = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Adds an item, waiting while the queue is full (back-pressure).
     *
     * @return true when the caller had to wait for room
     */
    public boolean put(T item) throws InterruptedException {
        counted(+1);
        if (items.offer(item)) {
            return false;
        }
        try {
            items.put(item);
            return true;
        } catch (InterruptedException e) {
            counted(-1);
            throw e;
        }
    }

    public T take() throws InterruptedException {
        return items.take();
    }

    /** Marks one taken item finished. */
    public void taskDone() {
        lock.lock();
        try {
            if (unfinished == 0) {
                throw new IllegalStateException("taskDone() called more times than items were put");
            }
            unfinished--;
            if (unfinished == 0) {
                allDone.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every item put has been marked done; false if {@code timeout} passed first. */
    public boolean join(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long left = timeout.toNanos();
            while (unfinished > 0) {
                if (left <= 0) {
                    return false;
                }
                left = allDone.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        return items.size();
    }

    /** Items put and not yet marked done. */
    public long unfinished() {
        lock.lock();
        try {
            return unfinished;
        } finally {
            lock.unlock();
        }
    }

    private void counted(int delta) {
        lock.lock();
        try {
            unfinished += delta;
        } finally {
            lock.unlock();
        }
    }
}
