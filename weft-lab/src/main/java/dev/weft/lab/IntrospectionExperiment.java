package dev.weft.lab;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code current_thread()}, {@code enumerate()} and {@code active_count()} while a crew runs, then seed 003's
 * {@code _thread.start_new_thread} pattern: a raw thread that releases a lock when done, waited for by spinning on
 * {@code lock.locked()}, against waiting with {@code join()}. The spin costs the waiting thread its CPU.
 */
public final class IntrospectionExperiment implements Experiment {

    static final int DEFAULT_CREW = 4;
    static final int DEFAULT_WAIT_MILLIS = 200;

    @Override
    public String name() {
        return "introspection";
    }

    @Override
    public String lesson() {
        return "seed 002, 3.3 查看线程数 (threading.enumerate, active_count); seed 003, 33 thread模块 (start_new_thread, locks spun on)";
    }

    @Override
    public String summary() {
        return "current thread, live threads and their count while a crew (--threads) runs; waiting --iterations ms by spinning on a lock vs join()";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int crewSize = LabOptions.atMost(options.threadsOr(DEFAULT_CREW), 200, name(), Knob.THREADS);
        int waitMillis = LabOptions.atMost(options.iterationsOr(DEFAULT_WAIT_MILLIS), 5_000, name(), Knob.ITERATIONS);
        String current = Thread.currentThread().getName();
        int before = Thread.activeCount();
        CountDownLatch ready = new CountDownLatch(crewSize);
        CountDownLatch finish = new CountDownLatch(1);
        Crew crew = Crew.start("lab-intro", crewSize, i -> {
            ready.countDown();
            finish.await(30, TimeUnit.SECONDS);
        });
        ready.await(30, TimeUnit.SECONDS);
        List<String> crewSeen = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("lab-intro-")).sorted().toList();
        int during = Thread.activeCount();
        finish.countDown();
        crew.join(Duration.ofSeconds(30));
        long crewLeft = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("lab-intro-")).count();

        double spinCpu = waitBySpinning(waitMillis);
        double joinCpu = waitByJoining(waitMillis);
        return new Result(name(), lesson(),
                "a crew of " + crewSize + " threads parked on a latch; then a thread that works " + waitMillis
                        + " ms, waited for twice",
                List.of(
                        Figure.of("currentThread", "current_thread() here", current),
                        Figure.of("activeBefore", "active_count() before the crew", before),
                        Figure.of("activeDuring", "active_count() while it runs", during),
                        Figure.of("crewSeen", "crew threads enumerate() saw", crewSeen.size()),
                        Figure.of("crewNames", "their names", String.join(" ", crewSeen)),
                        Figure.of("crewLeftAfterJoin", "crew threads alive after join", crewLeft),
                        Figure.of("waitMillis", "the worker's work", waitMillis, "ms"),
                        Figure.measured("spinCpuMillis", "CPU burned waiting by spinning on the lock", spinCpu, "ms"),
                        Figure.measured("joinCpuMillis", "CPU burned waiting with join()", joinCpu, "ms")),
                List.of("enumerate() listed all " + crewSeen.size() + " crew threads while they ran and active_count() rose from "
                                + before + " to " + during + " (it counts this JVM's other threads too); after join none was left.",
                        String.format(Locale.ROOT, "Spinning on locked() kept the waiting thread on a core: %.2f ms of CPU for a %d ms"
                                + " wait, against %.2f ms with join(), which parks the thread until the other ends.",
                                spinCpu, waitMillis, joinCpu)));
    }

    /** Seed 003's main(): the lock is taken for the thread, the thread releases it when done, main spins on locked(). */
    private static double waitBySpinning(int millis) throws InterruptedException {
        Semaphore lock = new Semaphore(1);
        lock.acquire();
        Thread raw = Thread.ofPlatform().daemon().name("lab-raw-thread").start(() -> {
            sleepQuietly(millis);
            lock.release();
        });
        long cpu = cpuNanos();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lock.availablePermits() == 0) { // while lock.locked(): pass
            if (System.nanoTime() > deadline) {
                throw new LabFailure("introspection: the raw thread did not release its lock within 30 s");
            }
        }
        double used = (cpuNanos() - cpu) / 1e6;
        raw.join(Duration.ofSeconds(5));
        return used;
    }

    private static double waitByJoining(int millis) throws InterruptedException {
        Thread worker = Thread.ofPlatform().daemon().name("lab-joined-thread").start(() -> sleepQuietly(millis));
        long cpu = cpuNanos();
        if (!worker.join(Duration.ofSeconds(30))) {
            throw new LabFailure("introspection: the joined thread did not end within 30 s");
        }
        return (cpuNanos() - cpu) / 1e6;
    }

    private static void sleepQuietly(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
