package dev.weft.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The seeds' "threads help IO-bound work, not CPU-bound work" (under the GIL), measured in Java: the same number of
 * tasks, each either sleeping or computing for about the same time, on 1, 2, 4 ... N threads. Sleeping tasks speed up
 * with every thread; computing ones stop at the number of cores.
 */
public final class IoVsCpuExperiment implements Experiment {

    static final int DEFAULT_MAX_THREADS = 8;
    static final int DEFAULT_TASKS = 16;
    static final Duration TASK = Duration.ofMillis(20);

    @Override
    public String name() {
        return "io-vs-cpu";
    }

    @Override
    public String lesson() {
        return "seed 001, 什么是IO密集型和CPU密集型?";
    }

    @Override
    public String summary() {
        return "the same tasks sleeping versus computing on 1..N threads: IO-bound speed-up follows threads, CPU-bound stops at cores";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int maxThreads = LabOptions.atMost(options.threadsOr(DEFAULT_MAX_THREADS), 64, name(), Knob.THREADS);
        int tasks = LabOptions.atMost(options.iterationsOr(DEFAULT_TASKS), 1000, name(), Knob.ITERATIONS);
        long work = calibrate();
        List<Integer> counts = threadCounts(maxThreads);
        List<Double> ioMillis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        for (int threads : counts) {
            ioMillis.add(timed(threads, tasks, () -> Crew.pause(TASK)));
            cpuMillis.add(timed(threads, tasks, () -> PrimeCount.count(work, 1, 0)));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<Double> ioSpeedup = ioMillis.stream().map(m -> ioMillis.getFirst() / m).toList();
        List<Double> cpuSpeedup = cpuMillis.stream().map(m -> cpuMillis.getFirst() / m).toList();
        return new Result(name(), lesson(),
                tasks + " tasks of about " + TASK.toMillis() + " ms each, sleeping or computing, on " + counts + " threads; "
                        + cores + " cores",
                List.of(
                        Figure.curve("threads", "threads", counts, ""),
                        Figure.curve("ioMillis", "sleeping: wall time", ioMillis, "ms"),
                        Figure.curve("ioSpeedup", "sleeping: speed-up", ioSpeedup, "x"),
                        Figure.curve("cpuMillis", "computing: wall time", cpuMillis, "ms"),
                        Figure.curve("cpuSpeedup", "computing: speed-up", cpuSpeedup, "x"),
                        Figure.of("cores", "cores", cores)),
                List.of("A sleeping task holds no core, so more threads overlap more sleeps; a computing task needs a core, so beyond "
                                + cores + " threads they only take turns.",
                        "CPython adds the GIL: computing threads take turns even on many cores, while sleeping (IO) threads still overlap."));
    }

    /** 1, 2, 4 ... up to and including max. */
    static List<Integer> threadCounts(int max) {
        List<Integer> counts = new ArrayList<>();
        for (int t = 1; t < max; t *= 2) {
            counts.add(t);
        }
        counts.add(max);
        return counts;
    }

    private interface Task {
        void run() throws InterruptedException;
    }

    private static double timed(int threads, int tasks, Task task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("lab-io-cpu-", 0).daemon(true).factory());
        long began = System.nanoTime();
        try {
            for (int i = 0; i < tasks; i++) {
                pool.execute(() -> {
                    try {
                        task.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new LabFailure("io-vs-cpu: " + tasks + " tasks on " + threads + " threads took over 2 minutes");
            }
            return (System.nanoTime() - began) / 1e6;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The prime limit whose count takes about one task's time on this machine, after warming up the JIT. */
    private static long calibrate() {
        long limit = 20_000;
        PrimeCount.count(limit, 1, 0);
        while (true) {
            long began = System.nanoTime();
            PrimeCount.count(limit, 1, 0);
            long took = System.nanoTime() - began;
            if (took >= TASK.toNanos() / 4 || limit > 1_000_000_000L) {
                // trial division costs grow a little faster than linearly; linear scaling is close enough here
                return Math.max(1000, (long) (limit * (double) TASK.toNanos() / Math.max(took, 1)));
            }
            limit *= 2;
        }
    }
}
