package dev.weft.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import dev.weft.lab.processes.ProcessPool;
import dev.weft.lab.processes.WorkerDiedException;

/**
 * The seeds' {@code Pool}: {@code apply_async} with a callback and an error callback, {@code res.get()}, {@code map},
 * a worker killed in the middle of a task, then {@code close(); join()} against {@code terminate()}, on a
 * {@link ProcessPool} of worker JVMs.
 */
public final class ProcessPoolExperiment implements Experiment {

    static final int DEFAULT_WORKERS = 2;
    static final int DEFAULT_TASKS = 8;
    static final long SHORT_TASK_MILLIS = 100;
    static final int QUEUED = 3;

    /** The seeds' worker: a little work, then "my pid". The task numbered {@code failing} throws instead. */
    static long work(int i, int failing) throws InterruptedException {
        if (i == failing) {
            throw new IllegalArgumentException("task " + i + " was planned to fail");
        }
        Thread.sleep(SHORT_TASK_MILLIS);
        return ProcessHandle.current().pid();
    }

    @Override
    public String name() {
        return "process-pool";
    }

    @Override
    public String lesson() {
        return "seed 004, Pool / 进程池获取任务的执行结果 (apply_async, res.get()); seed 002, 4.5 进程池Poll (close, join, terminate); seed 001, 进程池 (callback)";
    }

    @Override
    public String summary() {
        return "apply_async with callbacks, map, a worker killed mid-task, close/join vs terminate on a pool of worker JVMs (--threads workers, --iterations tasks)";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int workers = LabOptions.atMost(options.threadsOr(DEFAULT_WORKERS), 8, name(), Knob.THREADS);
        int tasks = LabOptions.atMost(options.iterationsOr(DEFAULT_TASKS), 200, name(), Knob.ITERATIONS);
        int failing = tasks / 2;
        LongAdder successes = new LongAdder();
        LongAdder failures = new LongAdder();
        ConcurrentSkipListSet<Long> taskPids = new ConcurrentSkipListSet<>();
        List<Long> startPids;
        List<Integer> mapped;
        boolean diedAsFailure;
        long replaced;
        boolean nextRanOnNewWorker;
        double asyncMillis;
        try (ProcessPool pool = ProcessPool.start(workers)) {
            startPids = pool.pids();
            long began = System.nanoTime();
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int n = i;
                futures.add(pool.submit(() -> work(n, failing), pid -> {
                    taskPids.add(pid);
                    successes.increment();
                }, failure -> failures.increment()));
            }
            for (CompletableFuture<Long> future : futures) {
                future.handle((v, f) -> v).get(60, TimeUnit.SECONDS); // res.get(), failures counted by the callback
            }
            asyncMillis = (System.nanoTime() - began) / 1e6;
            mapped = pool.map(n -> n * n, IntStream.rangeClosed(1, tasks).boxed().toList(), Duration.ofSeconds(60));

            List<Long> before = pool.pids();
            CompletableFuture<Object> crash = pool.submit(() -> {
                Runtime.getRuntime().halt(137); // the worker is killed mid-task, as by kill -9 or the OOM killer
                return null;
            });
            diedAsFailure = outcome(crash) instanceof WorkerDiedException;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pool.replacedWorkers() == 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // the failure is reported before the new JVM is up
            }
            replaced = pool.replacedWorkers();
            List<Long> after = pool.pids();
            nextRanOnNewWorker = !after.equals(before) && after.size() == before.size();
        } catch (ExecutionException | TimeoutException e) {
            throw new LabFailure("process-pool: " + (e.getCause() == null ? e : e.getCause()), e);
        }

        long[] closeJoin = closeThenJoin();
        long[] terminated = terminate();
        boolean mapInOrder = mapped.equals(IntStream.rangeClosed(1, tasks).map(n -> n * n).boxed().toList());
        return new Result(name(), lesson(),
                workers + " worker JVMs, " + tasks + " tasks of " + SHORT_TASK_MILLIS + " ms (task " + failing
                        + " planned to fail); then a task that kills its worker; then " + QUEUED + " queued tasks closed vs terminated",
                List.of(
                        Figure.of("workers", "worker JVMs", workers),
                        Figure.of("workerPids", "their pids", join(startPids)),
                        Figure.of("tasks", "tasks submitted (apply_async)", tasks),
                        Figure.of("successCallbacks", "success callbacks", successes.sum()),
                        Figure.of("failureCallbacks", "error callbacks", failures.sum()),
                        Figure.of("distinctTaskPids", "distinct pids that ran the tasks", taskPids.size()),
                        Figure.measured("asyncMillis", "all tasks done after", asyncMillis, "ms"),
                        Figure.of("mapInOrder", "map gave the squares in order", mapInOrder),
                        Figure.of("killedTaskFailed", "killed worker: its task failed (WorkerDied)", diedAsFailure),
                        Figure.of("workersReplaced", "killed worker: replaced", replaced),
                        Figure.of("poolStillWhole", "killed worker: pool back to full size, new pid", nextRanOnNewWorker),
                        Figure.of("closeJoinCompleted", "close + join: queued tasks completed", closeJoin[0]),
                        Figure.of("closeJoinMillis", "close + join: took", closeJoin[1], "ms"),
                        Figure.of("terminateCancelled", "terminate: tasks cancelled", terminated[0]),
                        Figure.of("terminateMillis", "terminate: took", terminated[1], "ms")),
                List.of(successes.sum() + " tasks ran on " + taskPids.size() + " worker processes and called back here; the planned"
                                + " failure came back as an exception to its error callback, not a dead pool. A worker killed"
                                + " mid-task failed only that task, and a new worker JVM took its place.",
                        "close() then join() let the " + QUEUED + " queued tasks finish (" + closeJoin[0] + " completed, "
                                + closeJoin[1] + " ms); terminate() killed the workers at once and cancelled " + terminated[0]
                                + " unfinished tasks in " + terminated[1] + " ms."));
    }

    private static Throwable outcome(CompletableFuture<?> future) throws InterruptedException, TimeoutException {
        try {
            future.get(60, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** close() then join() with queued short tasks: completed count and milliseconds. */
    private static long[] closeThenJoin() throws InterruptedException {
        try (ProcessPool pool = ProcessPool.start(1)) {
            List<CompletableFuture<Long>> queued = new ArrayList<>();
            for (int i = 0; i < QUEUED; i++) {
                int n = i;
                queued.add(pool.submit(() -> work(n, -1)));
            }
            long began = System.nanoTime();
            pool.shutdown();
            if (!pool.awaitTermination(Duration.ofSeconds(60))) {
                throw new LabFailure("process-pool: the closed pool did not finish its tasks within 60 s");
            }
            long completed = queued.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
            return new long[] {completed, (System.nanoTime() - began) / 1_000_000};
        }
    }

    /** terminate() with one long task running and more queued: cancelled count and milliseconds. */
    private static long[] terminate() throws InterruptedException {
        try (ProcessPool pool = ProcessPool.start(1)) {
            List<CompletableFuture<String>> queued = new ArrayList<>();
            for (int i = 0; i < QUEUED; i++) {
                queued.add(pool.submit(() -> {
                    Thread.sleep(60_000);
                    return "finished";
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pool.inFlight() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new LabFailure("process-pool: the worker did not take a task within 30 s");
                }
                Thread.onSpinWait();
            }
            long began = System.nanoTime();
            pool.terminate();
            if (!pool.awaitTermination(Duration.ofSeconds(30))) {
                throw new LabFailure("process-pool: terminate() did not end the workers within 30 s");
            }
            long cancelled = 0;
            for (CompletableFuture<String> f : queued) {
                try {
                    f.get(10, TimeUnit.SECONDS);
                } catch (CancellationException e) {
                    cancelled++;
                } catch (ExecutionException | TimeoutException e) {
                    throw new LabFailure("process-pool: a terminated task ended with " + e, e);
                }
            }
            return new long[] {cancelled, (System.nanoTime() - began) / 1_000_000};
        }
    }

    private static String join(List<Long> pids) {
        return String.join(" ", pids.stream().map(String::valueOf).toList());
    }
}
