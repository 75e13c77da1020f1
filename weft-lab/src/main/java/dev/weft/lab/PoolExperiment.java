package dev.weft.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The seeds' process and thread pools: tasks submitted with a success callback and a failure callback
 * (apply_async's callback and error_callback). Then the two ways to stop: close (shutdown: finish everything
 * queued, then stop) versus terminate (shutdownNow: drop what is queued, interrupt what is running).
 */
public final class PoolExperiment implements Experiment {

    static final int DEFAULT_THREADS = 4;
    static final int DEFAULT_TASKS = 20;
    static final Duration TASK = Duration.ofMillis(5);
    /** What a running task would take in the terminate run; it is interrupted long before. */
    static final Duration LONG_TASK = Duration.ofSeconds(30);

    /** What a pool run counted. */
    record Counts(long succeeded, long failed, long interrupted, long dropped) {
    }

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public String lesson() {
        return "seed 001, 线程池 (ThreadPool with callback and terminate)";
    }

    @Override
    public String summary() {
        return "a thread pool with success and failure callbacks; close (finish queued work) versus terminate (drop it, interrupt running)";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS, Knob.SEED);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int threads = LabOptions.atMost(options.threadsOr(DEFAULT_THREADS), 256, name(), Knob.THREADS);
        int tasks = LabOptions.atMost(options.iterationsOr(DEFAULT_TASKS), 100_000, name(), Knob.ITERATIONS);
        boolean[] fails = new boolean[tasks];
        Random random = new Random(options.seed());
        int planned = 0;
        for (int i = 0; i < tasks; i++) {
            fails[i] = random.nextInt(4) == 0;
            planned += fails[i] ? 1 : 0;
        }
        Counts closed = close(threads, fails);
        Counts terminated = terminate(threads, tasks);
        return new Result(name(), lesson(),
                tasks + " tasks on a pool of " + threads + " threads, " + planned + " of them fail",
                List.of(
                        Figure.of("tasks", "tasks submitted", tasks),
                        Figure.of("plannedFailures", "tasks planned to fail", planned),
                        Figure.of("closeSucceeded", "close: success callbacks", closed.succeeded()),
                        Figure.of("closeFailed", "close: failure callbacks", closed.failed()),
                        Figure.of("closeDropped", "close: dropped", closed.dropped()),
                        Figure.of("terminateCompleted", "terminate: completed", terminated.succeeded()),
                        Figure.of("terminateInterrupted", "terminate: interrupted while running", terminated.interrupted()),
                        Figure.of("terminateDropped", "terminate: dropped from the queue", terminated.dropped())),
                List.of("close (shutdown, then awaitTermination) ran every queued task and each called back, success or failure;"
                                + " a failing task reached its failure callback instead of vanishing.",
                        "terminate (shutdownNow) returned the " + terminated.dropped() + " tasks still queued without running them"
                                + " and interrupted the " + terminated.interrupted() + " that were running."));
    }

    /** Submits every task, then shuts down gracefully: everything queued runs. */
    private static Counts close(int threads, boolean[] fails) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, named("lab-pool"));
        LongAdder succeeded = new LongAdder();
        LongAdder failed = new LongAdder();
        try {
            for (int i = 0; i < fails.length; i++) {
                boolean fail = fails[i];
                int task = i;
                CompletableFuture.runAsync(() -> work(task, fail), pool)
                        .whenComplete((ok, error) -> (error == null ? succeeded : failed).increment());
            }
            pool.shutdown();
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new LabFailure("pool: tasks did not finish within 60 s of close");
            }
            return new Counts(succeeded.sum(), failed.sum(), 0, 0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Submits every task, waits until each worker is busy with one, then terminates. */
    private static Counts terminate(int threads, int tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, named("lab-pool-terminate"));
        CountDownLatch running = new CountDownLatch(Math.min(threads, tasks));
        LongAdder completed = new LongAdder();
        LongAdder interrupted = new LongAdder();
        try {
            for (int i = 0; i < tasks; i++) {
                pool.execute(() -> {
                    running.countDown();
                    try {
                        Crew.pause(LONG_TASK);
                        completed.increment();
                    } catch (InterruptedException e) {
                        interrupted.increment();
                    }
                });
            }
            if (!running.await(30, TimeUnit.SECONDS)) {
                throw new LabFailure("pool: workers did not start their tasks within 30 s");
            }
            int dropped = pool.shutdownNow().size();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new LabFailure("pool: running tasks ignored the interrupt for 30 s");
            }
            return new Counts(completed.sum(), 0, interrupted.sum(), dropped);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void work(int task, boolean fail) {
        try {
            Crew.pause(TASK);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
        if (fail) {
            throw new IllegalStateException("task " + task + " failed on purpose");
        }
    }

    private static ThreadFactory named(String prefix) {
        return Thread.ofPlatform().name(prefix + "-", 0).daemon(true).factory();
    }
}
