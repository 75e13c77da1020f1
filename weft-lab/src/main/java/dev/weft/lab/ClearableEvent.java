package dev.weft.lab;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's {@code threading.Event} with {@code clear()}, which a {@link java.util.concurrent.CountDownLatch} cannot
 * do. As in Python, a waiter woken by {@link #set} returns even if someone clears the flag before it runs again:
 * each set starts a new generation, and a waiter waits for the flag or for a new generation, whichever comes first.
 */
final class ClearableEvent {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Condition waitersChanged = lock.newCondition();
    private boolean flag;
    private long generation;
    private int waiters;

    void set() {
        lock.lock();
        try {
            flag = true;
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            flag = false;
        } finally {
            lock.unlock();
        }
    }

    boolean isSet() {
        lock.lock();
        try {
            return flag;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the flag is set or a set happens, at most {@code timeout}; false if the time ran out first. */
    boolean await(Duration timeout) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long seen = generation;
            long left = timeout.toNanos();
            waiters++;
            waitersChanged.signalAll();
            try {
                while (!flag && generation == seen) {
                    if (left <= 0) {
                        return false;
                    }
                    left = changed.awaitNanos(left);
                }
                return true;
            } finally {
                waiters--;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code count} threads are blocked in {@link #await} (the seeds use a sleep for this); a set made
     * then reaches every one of them. False if that did not happen within {@code timeout}.
     */
    boolean awaitWaiters(int count, Duration timeout) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long left = timeout.toNanos();
            while (waiters < count) {
                if (left <= 0) {
                    return false;
                }
                left = waitersChanged.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
