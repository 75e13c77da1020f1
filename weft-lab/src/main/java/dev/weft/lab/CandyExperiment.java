package dev.weft.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Seed 003's candy machine: a tray of {@link #SLOTS} slots is a {@link BoundedSemaphore} that starts full; the owner
 * refills (a release, refused as "full, skipping" when every slot holds candy) and buyers buy (a non-blocking
 * acquire, refused as "empty, skipping"), each under one lock, with random pauses between. Two rounds: a rush,
 * where buyers outnumber refills (so some buys must be refused), and a quiet spell, where refills outnumber buys
 * (so some refills must be).
 */
public final class CandyExperiment implements Experiment {

    static final int SLOTS = 5;
    static final int DEFAULT_ROUNDS = 10;
    static final int MAX_PAUSE_MILLIS = 3;

    /** What one round did: refills and buys tried, how many were refused, and the candy left. */
    record Round(long refills, long full, long buys, long empty, int stockBefore, int stockAfter) {
        long refilled() {
            return refills - full;
        }

        long bought() {
            return buys - empty;
        }
    }

    @Override
    public String name() {
        return "candy";
    }

    @Override
    public String lesson() {
        return "seed 003, 42 信号量示例 (the candy machine: refill, buy, full/empty, skipping)";
    }

    @Override
    public String summary() {
        return "seed 003's candy machine: refills and buys on a bounded semaphore of 5 slots, 'full' and 'empty' refusals counted";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.ITERATIONS, Knob.SEED);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int rounds = LabOptions.atMost(options.iterationsOr(DEFAULT_ROUNDS), 10_000, name(), Knob.ITERATIONS);
        BoundedSemaphore tray = new BoundedSemaphore(SLOTS);
        ReentrantLock lock = new ReentrantLock();
        Round rush = round(tray, lock, rounds, rounds * 2 + SLOTS, options.seed());
        Round quiet = round(tray, lock, rounds * 2 + SLOTS, rounds, options.seed() + 1);
        return new Result(name(), lesson(),
                "a tray of " + SLOTS + " slots, full at the start; rush: " + rush.refills() + " refills, " + rush.buys()
                        + " buys; quiet: " + quiet.refills() + " refills, " + quiet.buys() + " buys; pauses up to "
                        + MAX_PAUSE_MILLIS + " ms",
                List.of(
                        Figure.of("slots", "slots", SLOTS),
                        Figure.of("rushRefilled", "rush: refills done", rush.refilled()),
                        Figure.of("rushFull", "rush: refills refused (full)", rush.full()),
                        Figure.of("rushBought", "rush: candies sold", rush.bought()),
                        Figure.of("rushEmpty", "rush: buys refused (empty)", rush.empty()),
                        Figure.of("rushStock", "rush: candy left", rush.stockAfter()),
                        Figure.of("quietRefilled", "quiet: refills done", quiet.refilled()),
                        Figure.of("quietFull", "quiet: refills refused (full)", quiet.full()),
                        Figure.of("quietBought", "quiet: candies sold", quiet.bought()),
                        Figure.of("quietEmpty", "quiet: buys refused (empty)", quiet.empty()),
                        Figure.of("quietStock", "quiet: candy left", quiet.stockAfter())),
                List.of("In the rush " + rush.empty() + " buys found the tray empty and went away (acquire without blocking);"
                                + " in the quiet spell " + quiet.full() + " refills found every slot full (the bounded semaphore"
                                + " refused the release).",
                        "Stock always balanced: start + refills - sales = left (" + rush.stockBefore() + " + " + rush.refilled()
                                + " - " + rush.bought() + " = " + rush.stockAfter() + "; " + quiet.stockBefore() + " + "
                                + quiet.refilled() + " - " + quiet.bought() + " = " + quiet.stockAfter() + "), never below 0 or above "
                                + SLOTS + "."));
    }

    private static Round round(BoundedSemaphore tray, ReentrantLock lock, int refills, int buys, long seed) throws InterruptedException {
        int before = tray.availablePermits();
        LongAdder full = new LongAdder();
        LongAdder empty = new LongAdder();
        Crew.start("lab-candy", 2, i -> {
            Random random = new Random(seed * 31 + i);
            int times = i == 0 ? refills : buys;
            for (int n = 0; n < times; n++) {
                lock.lockInterruptibly();
                try {
                    if (i == 0) {
                        try {
                            tray.release(); // refill
                        } catch (IllegalStateException e) {
                            full.increment(); // "full, skipping"
                        }
                    } else if (!tray.tryAcquire()) {
                        empty.increment(); // "empty, skipping"
                    }
                } finally {
                    lock.unlock();
                }
                Crew.pause(Duration.ofMillis(random.nextInt(MAX_PAUSE_MILLIS)));
            }
        }).join(Duration.ofSeconds(60));
        return new Round(refills, full.sum(), buys, empty.sum(), before, tray.availablePermits());
    }
}
