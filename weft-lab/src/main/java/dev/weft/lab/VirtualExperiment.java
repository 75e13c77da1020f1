package dev.weft.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The seeds' coroutines and gevent, in Java: 100,000 concurrent sleeping tasks on virtual threads versus on a capped
 * pool of platform threads. Each side runs in its own child JVM, so wall time and peak memory are that side's alone.
 */
public final class VirtualExperiment implements Experiment {

    static final int DEFAULT_TASKS = 100_000;
    static final int DEFAULT_POOL = 1000;
    static final long SLEEP_MILLIS = 10;
    static final List<String> WORKER_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    /** What one child JVM measured. */
    record Crowd(long wallMillis, long peakRssKb, long peakHeapKb, long peakThreads) {
    }

    @Override
    public String name() {
        return "virtual";
    }

    @Override
    public String lesson() {
        return "seed 002, 5.5 进程、线程、协程对比";
    }

    @Override
    public LabOptions quick() {
        return LabOptions.defaults().withIterations(20_000);
    }

    @Override
    public String summary() {
        return "100,000 sleeping tasks (--iterations) on virtual threads vs a pool of 1000 platform threads (--threads): wall time, peak memory";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int tasks = LabOptions.atMost(options.iterationsOr(DEFAULT_TASKS), 1_000_000, name(), Knob.ITERATIONS);
        int pool = LabOptions.atMost(options.threadsOr(DEFAULT_POOL), 4000, name(), Knob.THREADS);
        Crowd virtual = crowd("virtual", tasks, pool);
        Crowd platform = crowd("platform", tasks, pool);
        return new Result(name(), lesson(),
                tasks + " tasks each sleeping " + SLEEP_MILLIS + " ms; virtual threads vs " + pool + " platform threads",
                List.of(
                        Figure.of("tasks", "tasks", tasks),
                        Figure.of("virtualMillis", "virtual: wall time", virtual.wallMillis(), "ms"),
                        Figure.of("virtualPeakRssMb", "virtual: peak resident memory", virtual.peakRssKb() / 1024, "MB"),
                        Figure.of("virtualPeakHeapMb", "virtual: peak heap", virtual.peakHeapKb() / 1024, "MB"),
                        Figure.of("virtualPeakThreads", "virtual: peak platform threads", virtual.peakThreads()),
                        Figure.of("platformMillis", "platform: wall time", platform.wallMillis(), "ms"),
                        Figure.of("platformPeakRssMb", "platform: peak resident memory", platform.peakRssKb() / 1024, "MB"),
                        Figure.of("platformPeakHeapMb", "platform: peak heap", platform.peakHeapKb() / 1024, "MB"),
                        Figure.of("platformPeakThreads", "platform: peak platform threads", platform.peakThreads()),
                        Figure.measured("speedup", "virtual speed-up", platform.wallMillis() / (double) Math.max(1, virtual.wallMillis()), "x")),
                List.of("A sleeping virtual thread gives its carrier back, so all " + tasks + " sleeps overlap on a few carriers;"
                                + " the pool runs only " + pool + " at a time, " + (tasks + pool - 1) / pool + " rounds of " + SLEEP_MILLIS + " ms.",
                        "Like gevent's greenlets, virtual threads are cheap to park (stacks live on the heap), yet code keeps"
                                + " writing plain blocking calls."));
    }

    private static Crowd crowd(String mode, int tasks, int pool) {
        Duration lifetime = Duration.ofMinutes(3);
        try (ChildJvm child = ChildJvm.start(lifetime, WORKER_OPTIONS, "crowd", mode, String.valueOf(tasks),
                String.valueOf(SLEEP_MILLIS), String.valueOf(pool))) {
            String line = child.readLine();
            String[] f = line.split(" ");
            try {
                return new Crowd(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new LabFailure("virtual: worker JVM pid " + child.pid() + " answered '" + line + "'", e);
            }
        }
    }
}
