package dev.weft.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threading module's {@code Timer}, done the Java way with a {@link ScheduledExecutorService}: a one-shot timer,
 * one cancelled before it is due, and a fixed-rate timer. Each firing is timed against when it was due: a timer
 * never fires early, only late, and how late (drift) is what this measures.
 */
public final class TimerExperiment implements Experiment {

    static final int DEFAULT_TICKS = 30;
    static final int DEFAULT_PERIOD_MILLIS = 10;
    static final long ONE_SHOT_MILLIS = 50;
    static final long CANCELLED_MILLIS = 100;

    @Override
    public String name() {
        return "timer";
    }

    @Override
    public String lesson() {
        return "seed 003, 34 threading模块 (Timer: 要在运行前等待一段时间)";
    }

    @Override
    public String summary() {
        return "one-shot, cancelled and fixed-rate timers (--iterations ticks, --threads ms period): when each fired against when it was due";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int ticks = LabOptions.atMost(options.iterationsOr(DEFAULT_TICKS), 10_000, name(), Knob.ITERATIONS);
        int period = LabOptions.atMost(options.threadsOr(DEFAULT_PERIOD_MILLIS), 1_000, name(), Knob.THREADS);
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lab-timer");
            t.setDaemon(true);
            return t;
        });
        try {
            long began = System.nanoTime();
            CountDownLatch oneShotFired = new CountDownLatch(1);
            long[] oneShotAt = new long[1];
            timers.schedule(() -> {
                oneShotAt[0] = System.nanoTime();
                oneShotFired.countDown();
            }, ONE_SHOT_MILLIS, TimeUnit.MILLISECONDS);
            AtomicInteger cancelledFired = new AtomicInteger();
            ScheduledFuture<?> cancelled = timers.schedule(cancelledFired::incrementAndGet, CANCELLED_MILLIS, TimeUnit.MILLISECONDS);
            boolean cancelledInTime = cancelled.cancel(false);

            List<Long> late = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch ticked = new CountDownLatch(ticks);
            long rateStart = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(period);
            AtomicInteger tick = new AtomicInteger();
            ScheduledFuture<?> rate = timers.scheduleAtFixedRate(() -> {
                int n = tick.getAndIncrement();
                if (n < ticks) {
                    late.add(System.nanoTime() - (rateStart + n * TimeUnit.MILLISECONDS.toNanos(period)));
                    ticked.countDown();
                }
            }, period, period, TimeUnit.MILLISECONDS);
            boolean allTicked = ticked.await(ticks * (long) period + 30_000, TimeUnit.MILLISECONDS);
            rate.cancel(false);
            if (!oneShotFired.await(30, TimeUnit.SECONDS) || !allTicked) {
                throw new LabFailure("timer: the timers did not fire within 30 s of when they were due");
            }
            // the cancelled timer's due time has passed by now if the ticks took long enough; wait for it regardless
            long cancelledDue = began + TimeUnit.MILLISECONDS.toNanos(CANCELLED_MILLIS);
            long left = cancelledDue - System.nanoTime();
            if (left > 0) {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(left) + 20);
            }
            List<Long> sorted;
            synchronized (late) {
                sorted = late.stream().sorted().toList();
            }
            double oneShotLate = (oneShotAt[0] - began) / 1e6 - ONE_SHOT_MILLIS;
            double p50 = sorted.get(sorted.size() / 2) / 1e6;
            double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
            double earliest = sorted.getFirst() / 1e6;
            return new Result(name(), lesson(),
                    "a one-shot timer at " + ONE_SHOT_MILLIS + " ms, one at " + CANCELLED_MILLIS + " ms cancelled at once, "
                            + ticks + " ticks every " + period + " ms at a fixed rate; one timer thread",
                    List.of(
                            Figure.measured("oneShotLateMillis", "one-shot: fired after it was due by", oneShotLate, "ms"),
                            Figure.of("cancelledBeforeDue", "cancelled before it was due", cancelledInTime),
                            Figure.of("cancelledFired", "cancelled timer fired", cancelledFired.get()),
                            Figure.of("ticks", "fixed-rate ticks fired", sorted.size()),
                            Figure.measured("tickLateP50Millis", "fixed-rate: late by (p50)", p50, "ms"),
                            Figure.measured("tickLateP99Millis", "fixed-rate: late by (p99)", p99, "ms"),
                            Figure.measured("tickEarliestMillis", "fixed-rate: least late", earliest, "ms")),
                    List.of("The one-shot fired " + String.format(java.util.Locale.ROOT, "%.2f", oneShotLate) + " ms after it was due"
                                    + " and the cancelled one " + (cancelledFired.get() == 0 ? "never fired" : "fired anyway")
                                    + ": like Python's Timer, a timer is a wait then a call, and cancel() stops one still waiting.",
                            "A fixed rate keeps to the original schedule (tick n is due at start + n x period), so lateness does not"
                                    + " add up: the median tick was " + String.format(java.util.Locale.ROOT, "%.2f", p50)
                                    + " ms late, the p99 " + String.format(java.util.Locale.ROOT, "%.2f", p99)
                                    + " ms (the scheduler's wake-up, and other work on this machine)."));
        } finally {
            timers.shutdownNow();
        }
    }
}
