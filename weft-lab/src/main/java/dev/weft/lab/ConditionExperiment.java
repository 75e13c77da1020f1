package dev.weft.lab;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The threading module's {@code Condition}: producers and consumers hand items over through a small buffer. With a
 * condition, a consumer finding it empty sleeps until signalled ({@code await} in a while loop, {@code signalAll});
 * with polling, it checks, sleeps a millisecond and checks again. Both hand over every item; the figures show what
 * the waiting cost: wake-ups, empty checks and CPU time.
 */
public final class ConditionExperiment implements Experiment {

    static final int DEFAULT_PAIRS = 2;
    static final int DEFAULT_ITEMS = 200;
    static final int BUFFER = 4;
    /** A producer makes one item per this long: consumers spend most of the run waiting, which is the point. */
    static final Duration MAKING = Duration.ofMillis(1);
    static final Duration POLL_PAUSE = Duration.ofMillis(1);

    /** How one way of waiting did: items handed over, times a consumer woke or checked, CPU used by the consumers. */
    record Run(long handedOver, long wakeUps, long emptyChecks, double consumerCpuMillis, double wallMillis) {
    }

    @Override
    public String name() {
        return "condition";
    }

    @Override
    public String lesson() {
        return "seed 003, 34 threading模块 (Condition: 条件变量对象); seed 000, 八、队列 (producer and consumer)";
    }

    @Override
    public String summary() {
        return "producers and consumers on a Condition (await in a loop, signalAll) vs polling with sleeps (--threads pairs, --iterations items each)";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int pairs = LabOptions.atMost(options.threadsOr(DEFAULT_PAIRS), 32, name(), Knob.THREADS);
        int items = LabOptions.atMost(options.iterationsOr(DEFAULT_ITEMS), 10_000, name(), Knob.ITERATIONS);
        Run condition = withCondition(pairs, items);
        Run polling = withPolling(pairs, items);
        long total = (long) pairs * items;
        double ratio = polling.consumerCpuMillis() / Math.max(0.01, condition.consumerCpuMillis());
        String cost = polling.consumerCpuMillis() > condition.consumerCpuMillis()
                ? String.format(Locale.ROOT, "Polling cost the consumers %.2fx the CPU time of waiting on the condition", ratio)
                : String.format(Locale.ROOT, "Polling cost the consumers no more CPU here (%.2f ms against %.2f ms): at one check"
                        + " per ms the waste is small, though it grows with every idle consumer", polling.consumerCpuMillis(),
                        condition.consumerCpuMillis());
        return new Result(name(), lesson(),
                pairs + " producers and " + pairs + " consumers, " + items + " items each, a buffer of " + BUFFER
                        + ", one item per " + MAKING.toMillis() + " ms per producer",
                List.of(
                        Figure.of("items", "items produced", total),
                        Figure.of("conditionHandedOver", "condition: items handed over", condition.handedOver()),
                        Figure.of("conditionWakeUps", "condition: consumer wake-ups", condition.wakeUps()),
                        Figure.of("conditionEmptyChecks", "condition: woke to an empty buffer", condition.emptyChecks()),
                        Figure.measured("conditionCpuMillis", "condition: consumers' CPU time", condition.consumerCpuMillis(), "ms"),
                        Figure.measured("conditionWallMillis", "condition: wall time", condition.wallMillis(), "ms"),
                        Figure.of("pollingHandedOver", "polling: items handed over", polling.handedOver()),
                        Figure.of("pollingChecks", "polling: checks", polling.wakeUps()),
                        Figure.of("pollingEmptyChecks", "polling: checks that found nothing", polling.emptyChecks()),
                        Figure.measured("pollingCpuMillis", "polling: consumers' CPU time", polling.consumerCpuMillis(), "ms"),
                        Figure.measured("pollingWallMillis", "polling: wall time", polling.wallMillis(), "ms")),
                List.of("Both handed over all " + total + " items. A waiting consumer woke " + condition.wakeUps()
                                + " times on the condition (each after a signal; " + condition.emptyChecks() + " found the item"
                                + " already taken and waited again, which is why await sits in a while loop); polling checked "
                                + polling.wakeUps() + " times, " + polling.emptyChecks() + " for nothing.",
                        cost + ". A condition also hands over at once, where polling adds up to a pause of delay."));
    }

    private static Run withCondition(int pairs, int items) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition notEmpty = lock.newCondition();
        Condition notFull = lock.newCondition();
        ArrayDeque<Integer> buffer = new ArrayDeque<>();
        long total = (long) pairs * items;
        AtomicLong taken = new AtomicLong();
        LongAdder wakeUps = new LongAdder();
        LongAdder empty = new LongAdder();
        LongAdder cpu = new LongAdder();
        long began = System.nanoTime();
        Crew producers = Crew.start("lab-cond-producer", pairs, i -> {
            for (int n = 0; n < items; n++) {
                Crew.pause(MAKING);
                lock.lockInterruptibly();
                try {
                    while (buffer.size() >= BUFFER) {
                        notFull.await();
                    }
                    buffer.add(n);
                    notEmpty.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        });
        Crew consumers = Crew.start("lab-cond-consumer", pairs, i -> {
            long cpuBegan = cpuNanos();
            try {
                while (true) {
                    lock.lockInterruptibly();
                    try {
                        while (buffer.isEmpty() && taken.get() < total) {
                            notEmpty.await();
                            wakeUps.increment();
                            if (buffer.isEmpty()) {
                                empty.increment();
                            }
                        }
                        if (taken.get() >= total) {
                            notEmpty.signalAll(); // let the other consumers see the end
                            return;
                        }
                        buffer.poll();
                        taken.incrementAndGet();
                        notFull.signalAll();
                        if (taken.get() >= total) {
                            notEmpty.signalAll();
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            } finally {
                cpu.add(cpuNanos() - cpuBegan);
            }
        });
        producers.join(Duration.ofSeconds(60));
        consumers.join(Duration.ofSeconds(30));
        return new Run(taken.get(), wakeUps.sum(), empty.sum(), cpu.sum() / 1e6, (System.nanoTime() - began) / 1e6);
    }

    private static Run withPolling(int pairs, int items) throws InterruptedException {
        ConcurrentLinkedQueue<Integer> buffer = new ConcurrentLinkedQueue<>();
        long total = (long) pairs * items;
        AtomicLong taken = new AtomicLong();
        LongAdder checks = new LongAdder();
        LongAdder empty = new LongAdder();
        LongAdder cpu = new LongAdder();
        long began = System.nanoTime();
        Crew producers = Crew.start("lab-poll-producer", pairs, i -> {
            for (int n = 0; n < items; n++) {
                Crew.pause(MAKING);
                while (buffer.size() >= BUFFER) {
                    Crew.pause(POLL_PAUSE);
                }
                buffer.add(n);
            }
        });
        Crew consumers = Crew.start("lab-poll-consumer", pairs, i -> {
            long cpuBegan = cpuNanos();
            try {
                while (taken.get() < total) {
                    checks.increment();
                    if (buffer.poll() != null) {
                        taken.incrementAndGet();
                    } else {
                        empty.increment();
                        Crew.pause(POLL_PAUSE);
                    }
                }
            } finally {
                cpu.add(cpuNanos() - cpuBegan);
            }
        });
        producers.join(Duration.ofSeconds(60));
        consumers.join(Duration.ofSeconds(30));
        return new Run(taken.get(), checks.sum(), empty.sum(), cpu.sum() / 1e6, (System.nanoTime() - began) / 1e6);
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
