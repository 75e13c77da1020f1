package dev.weft.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The seeds' shared counter: N threads each decrement it by reading it, pausing, and writing back the value
 * minus one. Without a lock, threads overwrite each other's writes and updates are lost; with one, none are.
 * Then the same count with an {@link AtomicLong} and a {@link LongAdder}, which need no lock, and their throughput.
 */
public final class RaceExperiment implements Experiment {

    static final int DEFAULT_THREADS = 8;
    static final int DEFAULT_ITERATIONS = 200;
    /** The seeds pause 0.1 s between the read and the write; 0.1 ms shows the same race a thousand times faster. */
    static final Duration PAUSE = Duration.ofNanos(100_000);
    /** The lock-free counters do this many times more decrements than the paused one, to measure throughput. */
    static final int FAST_FACTOR = 1000;

    /** The shared variable. volatile makes every read and write visible, and still does not make read-then-write atomic. */
    private static final class SharedCounter {
        volatile long value;
    }

    @Override
    public String name() {
        return "race";
    }

    @Override
    public String lesson() {
        return "seed 000, 四、同步锁(Lock): num = temp - 1 after a sleep; seed 002, 3.5.3 共享全局变量的问题";
    }

    @Override
    public String summary() {
        return "threads decrement a shared counter with a pause between read and write: lost updates, then a lock, AtomicLong, LongAdder";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS, Knob.LOCK);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int threads = LabOptions.atMost(options.threadsOr(DEFAULT_THREADS), 256, name(), Knob.THREADS);
        int iterations = LabOptions.atMost(options.iterationsOr(DEFAULT_ITERATIONS), 10_000, name(), Knob.ITERATIONS);
        long start = (long) threads * iterations;

        SharedCounter counter = new SharedCounter();
        counter.value = start;
        Lock lock = options.lock() ? new ReentrantLock() : null;
        long began = System.nanoTime();
        Crew.start("lab-race", threads, i -> {
            for (int n = 0; n < iterations; n++) {
                decrement(counter, lock);
            }
        }).join(Duration.ofSeconds(60));
        double pausedMillis = (System.nanoTime() - began) / 1e6;

        long fast = start * FAST_FACTOR;
        AtomicLong atomic = new AtomicLong(fast + fast / 10);
        double atomicMops = throughput(threads, fast, () -> atomic.decrementAndGet());
        LongAdder adder = new LongAdder();
        adder.add(fast + fast / 10);
        double adderMops = throughput(threads, fast, adder::decrement);

        long actual = counter.value;
        return new Result(name(), lesson(),
                threads + " threads x " + iterations + " read-pause-write decrements from " + start
                        + (lock == null ? ", no lock" : ", under a lock"),
                List.of(
                        Figure.of("expected", "expected final count", 0),
                        Figure.of("actual", "actual final count", actual),
                        Figure.of("lostUpdates", "lost updates", actual),
                        Figure.of("locked", "lock held across read-pause-write", lock != null),
                        Figure.measured("wallMillis", "wall time", pausedMillis, "ms"),
                        Figure.of("atomicLongActual", "AtomicLong final count", atomic.get()),
                        Figure.measured("atomicLongMops", "AtomicLong throughput", atomicMops, "M decrements/s"),
                        Figure.of("longAdderActual", "LongAdder final count", adder.sum()),
                        Figure.measured("longAdderMops", "LongAdder throughput", adderMops, "M decrements/s")),
                List.of(lock == null
                                ? "Each thread read the counter, paused, and wrote back its stale value minus one: " + actual
                                  + " of " + start + " decrements were overwritten."
                                : "The lock made read-pause-write one step: no decrement was lost, at the price of running them one at a time.",
                        "AtomicLong (one compare-and-set on one cell) and LongAdder (a cell per contending thread, summed on read)"
                                + " lose nothing without a lock; LongAdder pulls ahead when many cores write at once."));
    }

    private static void decrement(SharedCounter counter, Lock lock) throws InterruptedException {
        if (lock == null) {
            readPauseWrite(counter);
            return;
        }
        lock.lockInterruptibly();
        try {
            readPauseWrite(counter);
        } finally {
            lock.unlock();
        }
    }

    private static void readPauseWrite(SharedCounter counter) throws InterruptedException {
        long temp = counter.value;
        Crew.pause(PAUSE);
        counter.value = temp - 1;
    }

    /** Millions of decrements a second when {@code threads} threads share {@code total} decrements, after a warm-up. */
    private static double throughput(int threads, long total, Runnable decrement) throws InterruptedException {
        timed(threads, total / 10, decrement);
        return total / timed(threads, total, decrement) / 1e6;
    }

    /** Seconds taken by {@code threads} threads sharing {@code total} decrements. */
    private static double timed(int threads, long total, Runnable decrement) throws InterruptedException {
        long each = total / threads;
        long began = System.nanoTime();
        Crew.start("lab-race-fast", threads, i -> {
            long mine = i == 0 ? total - each * (threads - 1) : each;
            for (long n = 0; n < mine; n++) {
                decrement.run();
            }
        }).join(Duration.ofSeconds(60));
        return (System.nanoTime() - began) / 1e9;
    }
}
