package dev.weft.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The seeds' ticket sellers: each loops "if tickets are left, pause, sell one". Without a lock two sellers both
 * see the last ticket and both sell it, so more tickets are sold than exist and the count goes below zero.
 * With the check and the sale under one lock, exactly the stock is sold.
 * <p>
 * The seeds' pause is a sleep that is usually long enough for the other seller to check too; here the pause lasts
 * until every other seller has checked (at most {@link #PAUSE}), so the overlap happens on every run, not usually.
 * Under the lock no other seller can check, so each pause runs to its limit.
 */
public final class TicketsExperiment implements Experiment {

    static final int DEFAULT_SELLERS = 2;
    static final int DEFAULT_STOCK = 20;
    /** The longest pause between a check and its sale (the seeds sleep one second). */
    static final Duration PAUSE = Duration.ofMillis(5);

    private static final class Counter {
        volatile long tickets;
    }

    @Override
    public String name() {
        return "tickets";
    }

    @Override
    public String lesson() {
        return "seed 004, 线程安全问题: two threads sell 20 tickets (卖出一张票)";
    }

    @Override
    public String summary() {
        return "ticket sellers check-then-sell a shared stock: oversold without a lock, exact with one";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS, Knob.LOCK);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int sellers = LabOptions.atMost(options.threadsOr(DEFAULT_SELLERS), 64, name(), Knob.THREADS);
        int stock = LabOptions.atMost(options.iterationsOr(DEFAULT_STOCK), 10_000, name(), Knob.ITERATIONS);
        Counter counter = new Counter();
        counter.tickets = stock;
        Lock lock = options.lock() ? new ReentrantLock() : null;
        AtomicLongArray sold = new AtomicLongArray(sellers);
        Window window = new Window(sellers);
        Crew.start("lab-seller", sellers, i -> {
            try {
                while (sell(i, counter, lock, window)) {
                    sold.incrementAndGet(i);
                }
            } finally {
                window.left(i);
            }
        }).join(Duration.ofSeconds(60));

        long total = 0;
        StringBuilder perSeller = new StringBuilder();
        for (int i = 0; i < sellers; i++) {
            total += sold.get(i);
            perSeller.append(i == 0 ? "" : " ").append(sold.get(i));
        }
        long oversold = total - stock;
        return new Result(name(), lesson(),
                sellers + " sellers, " + stock + " tickets, " + (lock == null ? "no lock" : "check and sale under a lock"),
                List.of(
                        Figure.of("stock", "tickets in stock", stock),
                        Figure.of("sold", "tickets sold", total),
                        Figure.of("oversold", "oversold", oversold),
                        Figure.of("finalCount", "final ticket count", counter.tickets),
                        Figure.of("soldPerSeller", "sold by each seller", perSeller.toString()),
                        Figure.of("locked", "lock held across check and sale", lock != null)),
                List.of(lock == null
                                ? "Sellers checked 'tickets > 0', paused, then sold: while one paused the others checked too, so the stock"
                                  + " was oversold by " + oversold + "."
                                : "Under the lock no seller can check while another is between its check and its sale: exactly the stock was sold.",
                        "Check-then-act is a race whenever the state can change between the check and the act; make both one atomic step."));
    }

    /** One turn of the seller's loop; false when the seller saw no tickets left. */
    private static boolean sell(int seller, Counter counter, Lock lock, Window window) throws InterruptedException {
        if (lock == null) {
            return checkPauseSell(seller, counter, window);
        }
        lock.lockInterruptibly();
        try {
            return checkPauseSell(seller, counter, window);
        } finally {
            lock.unlock();
        }
    }

    private static boolean checkPauseSell(int seller, Counter counter, Window window) throws InterruptedException {
        boolean left = counter.tickets > 0;
        long[] seen = window.checked(seller);
        if (!left) {
            return false;
        }
        window.pause(seller, seen, PAUSE);
        counter.tickets--;
        return true;
    }

    /**
     * The time between a seller's check and its sale: it lasts until every other seller still selling has made a
     * check of its own since, or until the limit. This is the seeds' sleep, made long enough every time.
     */
    private static final class Window {
        private final long[] checks;
        private final boolean[] gone;

        Window(int sellers) {
            checks = new long[sellers];
            gone = new boolean[sellers];
        }

        /** Records a check by {@code seller}; returns every seller's check count at that moment. */
        synchronized long[] checked(int seller) {
            checks[seller]++;
            notifyAll();
            return checks.clone();
        }

        synchronized void left(int seller) {
            gone[seller] = true;
            notifyAll();
        }

        synchronized void pause(int seller, long[] seen, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            long wait;
            while (!othersCheckedSince(seller, seen) && (wait = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, wait);
            }
        }

        private boolean othersCheckedSince(int seller, long[] seen) {
            for (int other = 0; other < checks.length; other++) {
                if (other != seller && !gone[other] && checks[other] == seen[other]) {
                    return false;
                }
            }
            return true;
        }
    }
}
