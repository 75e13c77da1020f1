package dev.weft.lab;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The seeds' bank account: withdraw and deposit each take the account's lock, and drawcash takes it and then
 * calls withdraw, which takes it again. With a reentrant lock that nested acquisition just counts up;
 * with a non-reentrant one the thread waits for itself.
 */
final class Account {

    /** drawcash charges this many percent on top of the amount. */
    static final int FEE_PERCENT = 5;
    /** A pause between reading and writing the balance, so the lock visibly matters. */
    private static final Duration PAUSE = Duration.ofNanos(20_000);

    private final String owner;
    private final Lock lock;
    private final LongAdder nested;
    private long balance;

    Account(String owner, long balance, Lock lock, LongAdder nested) {
        this.owner = owner;
        this.balance = balance;
        this.lock = lock;
        this.nested = nested;
    }

    String owner() {
        return owner;
    }

    Lock lock() {
        return lock;
    }

    void withdraw(long amount) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (lock instanceof ReentrantLock reentrant && reentrant.getHoldCount() > 1) {
                nested.increment();
            }
            long read = balance;
            Crew.pause(PAUSE);
            balance = read - amount;
        } finally {
            lock.unlock();
        }
    }

    void deposit(long amount) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long read = balance;
            Crew.pause(PAUSE);
            balance = read + amount;
        } finally {
            lock.unlock();
        }
    }

    /** Takes out {@code amount} plus the fee, calling {@link #withdraw} under the lock it already holds; returns what left the account. */
    long drawcash(long amount) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long total = amount + amount * FEE_PERCENT / 100;
            withdraw(total);
            return total;
        } finally {
            lock.unlock();
        }
    }

    long balance() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            return balance;
        } finally {
            lock.unlock();
        }
    }
}
