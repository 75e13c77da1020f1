package dev.weft.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;

/**
 * The seeds' multiprocessing lesson, measured: one CPU-bound job (counting primes) done by one thread, by N threads,
 * and by N worker JVMs that receive their share on stdin and answer on stdout. In CPython the GIL lets one thread
 * run Python code at a time, so only processes scale; in Java both do, and processes add start-up and pipe costs.
 */
public final class ProcessesExperiment implements Experiment {

    static final int DEFAULT_LIMIT = 5_000_000;
    static final int MAX_WORKERS = 16;
    static final Duration WORKER_LIFETIME = Duration.ofMinutes(2);
    static final List<String> WORKER_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-Xshare:auto");

    /** What the worker JVMs did: the total count, their PIDs, and the time to start them and to compute. */
    record Workers(long count, List<Long> pids, double startupMillis, double computeMillis) {
    }

    @Override
    public String name() {
        return "processes";
    }

    @Override
    public String lesson() {
        return "seed 000, 九、多进程模块 multiprocessing; seed 003, 29 全局解释器锁";
    }

    @Override
    public LabOptions quick() {
        return LabOptions.defaults().withIterations(1_000_000);
    }

    @Override
    public String summary() {
        return "a CPU-bound job (--iterations = prime limit) on N worker JVMs over pipes vs N threads vs one thread; why Java has no GIL";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int n = LabOptions.atMost(options.threadsOr(Runtime.getRuntime().availableProcessors()), MAX_WORKERS, name(), Knob.THREADS);
        int limit = LabOptions.atMost(options.iterationsOr(DEFAULT_LIMIT), 50_000_000, name(), Knob.ITERATIONS);
        PrimeCount.count(Math.min(limit, 200_000), 1, 0); // warm up the JIT so the single thread is not measured cold

        long began = System.nanoTime();
        long single = PrimeCount.count(limit, 1, 0);
        double singleMillis = millisSince(began);

        AtomicLongArray parts = new AtomicLongArray(n);
        began = System.nanoTime();
        Crew.start("lab-primes", n, k -> parts.set(k, PrimeCount.count(limit, n, k))).join(Duration.ofMinutes(2));
        double threadsMillis = millisSince(began);
        long threaded = 0;
        for (int k = 0; k < n; k++) {
            threaded += parts.get(k);
        }

        began = System.nanoTime();
        Workers workers = workers(n, limit);
        double processesMillis = millisSince(began);

        long self = ProcessHandle.current().pid();
        boolean separate = workers.pids().stream().distinct().count() == n && !workers.pids().contains(self);
        return new Result(name(), lesson(),
                "count primes below " + limit + "; " + n + " threads, " + n + " worker JVMs, "
                        + Runtime.getRuntime().availableProcessors() + " cores",
                List.of(
                        Figure.of("primes", "primes found (one thread)", single),
                        Figure.of("threadsPrimes", "primes found (threads)", threaded),
                        Figure.of("processesPrimes", "primes found (processes)", workers.count()),
                        Figure.measured("singleMillis", "one thread", singleMillis, "ms"),
                        Figure.measured("threadsMillis", n + " threads", threadsMillis, "ms"),
                        Figure.measured("threadsSpeedup", "threads speed-up", singleMillis / threadsMillis, "x"),
                        Figure.measured("processesMillis", n + " processes, with start-up", processesMillis, "ms"),
                        Figure.measured("processesStartupMillis", "of which JVM start-up", workers.startupMillis(), "ms"),
                        Figure.measured("processesComputeMillis", "of which computing", workers.computeMillis(), "ms"),
                        Figure.measured("processesSpeedup", "processes speed-up (with start-up)", singleMillis / processesMillis, "x"),
                        Figure.of("parentPid", "this JVM's pid", self),
                        Figure.of("workerPids", "worker pids", workers.pids().stream().map(String::valueOf).collect(Collectors.joining(" "))),
                        Figure.of("separateProcesses", "workers are separate processes", separate)),
                verdict(n, singleMillis / threadsMillis, singleMillis / processesMillis, workers.startupMillis()));
    }

    /**
     * The explanation, from what was measured: whether the threads (and the processes) were faster, and why.
     * On a loaded machine, or with more workers than free cores, they need not be, and the text says so.
     */
    static List<String> verdict(int n, double threadsSpeedup, double processesSpeedup, double startupMillis) {
        int cores = Runtime.getRuntime().availableProcessors();
        String threads;
        if (n == 1) {
            threads = "With one thread and one worker there is nothing to divide: the figures show only the overheads.";
        } else if (threadsSpeedup >= 1.2) {
            threads = String.format(java.util.Locale.ROOT, "Java threads run bytecode on every core at once: %d threads"
                    + " finished %.2fx faster than one, with no GIL in the way.", n, threadsSpeedup);
        } else {
            threads = String.format(java.util.Locale.ROOT, "%d threads were not faster than one here (%.2fx): Java has no GIL,"
                    + " so what held them back was the machine (%d cores, shared with whatever else runs), not the language.",
                    n, threadsSpeedup, cores);
        }
        String processes = processesSpeedup >= 1.0
                ? String.format(java.util.Locale.ROOT, "The worker JVMs also beat one thread (%.2fx) despite %d ms of start-up and a"
                        + " pipe each; in CPython only processes would, since the GIL lets one thread run Python code at a time.",
                        processesSpeedup, Math.round(startupMillis))
                : String.format(java.util.Locale.ROOT, "The worker JVMs came out slower than one thread (%.2fx): %d ms of JVM start-up"
                        + " and a pipe each outweigh this job; in CPython processes are still the only way past the GIL.",
                        processesSpeedup, Math.round(startupMillis));
        return List.of(threads, processes);
    }

    /** Starts n worker JVMs, waits for each to say ready, gives each its share, and sums the answers. */
    private static Workers workers(int n, int limit) {
        List<ChildJvm> children = new ArrayList<>();
        try {
            long began = System.nanoTime();
            for (int k = 0; k < n; k++) {
                children.add(ChildJvm.start(WORKER_LIFETIME, WORKER_OPTIONS, "primes"));
            }
            List<Long> pids = new ArrayList<>();
            for (ChildJvm child : children) {
                String ready = child.readLine();
                if (!ready.startsWith("ready ")) {
                    throw new LabFailure("worker JVM pid " + child.pid() + " said '" + ready + "' instead of ready");
                }
                pids.add(Long.parseLong(ready.substring("ready ".length()).trim()));
            }
            double startup = millisSince(began);
            began = System.nanoTime();
            for (int k = 0; k < n; k++) {
                children.get(k).send(limit + " " + n + " " + k);
            }
            long total = 0;
            for (ChildJvm child : children) {
                String answer = child.readLine();
                try {
                    total += Long.parseLong(answer.split(" ")[0]);
                } catch (NumberFormatException e) {
                    throw new LabFailure("worker JVM pid " + child.pid() + " answered '" + answer + "'", e);
                }
            }
            double compute = millisSince(began);
            children.forEach(ChildJvm::endInput);
            return new Workers(total, pids, startup, compute);
        } finally {
            children.forEach(ChildJvm::close);
        }
    }

    private static double millisSince(long began) {
        return (System.nanoTime() - began) / 1e6;
    }
}
