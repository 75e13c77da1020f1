package dev.weft.lab;

import java.lang.management.LockInfo;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The seeds' doA/doB deadlock: thread i takes lock i, pauses, then wants lock i+1, so with the locks taken in
 * opposite orders every thread waits for the next. The lab finds the cycle with ThreadMXBean, says who holds and
 * waits for what, frees the threads, then shows the two fixes completing: one lock order, and try-lock with back-off.
 */
public final class DeadlockExperiment implements Experiment {

    static final int DEFAULT_THREADS = 2;
    /** How long a thread holding its first lock waits for the others to take theirs: the seeds' sleep(3), bounded. */
    static final Duration PAUSE = Duration.ofMillis(100);
    static final Duration DETECTION_TIMEOUT = Duration.ofSeconds(5);
    static final Duration TRY_TIMEOUT = Duration.ofMillis(10);

    @Override
    public String name() {
        return "deadlock";
    }

    @Override
    public String lesson() {
        return "seed 000, 五、递归锁 (死锁: doA/doB); seed 002, 3.8 死锁";
    }

    @Override
    public String summary() {
        return "threads take two locks in opposite orders: the cycle is detected (ThreadMXBean), then --fix ordering and --fix trylock complete";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.SEED, Knob.FIX);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int threads = LabOptions.atMost(options.threadsOr(DEFAULT_THREADS), 26, name(), Knob.THREADS);
        if (threads < 2) {
            throw new IllegalArgumentException("deadlock: --threads must be at least 2 to form a cycle, not " + threads);
        }
        List<Figure> figures = new ArrayList<>();
        if (options.fix().isEmpty()) {
            Optional<LockWatch.Stuck> stuck = deadlock(threads);
            figures.add(Figure.of("deadlocked", "deadlock detected", stuck.isPresent()));
            figures.add(Figure.measured("detectedMillis", "detected after",
                    stuck.map(s -> s.detectedAfter().toNanos() / 1e6).orElse(-1.0), "ms"));
            figures.add(Figure.of("cycle", "cycle", stuck.map(s -> String.join("; ", s.describe(lockNames(s)))).orElse("none")));
        }
        for (Fix fix : options.fix().map(List::of).orElse(List.of(Fix.values()))) {
            figures.addAll(fixed(threads, fix, options.seed()));
        }
        return new Result(name(), lesson(),
                threads + " threads, " + threads + " locks, each thread takes lock i then lock i+1"
                        + options.fix().map(f -> ", fix " + f.name().toLowerCase()).orElse(""),
                figures,
                List.of("Each thread held one lock and waited for the one its neighbour held: a cycle no thread can leave,"
                                + " visible to ThreadMXBean.findDeadlockedThreads as threads blocked on each other's locks.",
                        "Taking locks in one global order makes a cycle impossible; tryLock with a timeout breaks it by backing off"
                                + " and retrying, at the price of retries."));
    }

    /** Runs the deadlocking order, detects the cycle, then interrupts the threads so none is left behind. */
    private static Optional<LockWatch.Stuck> deadlock(int threads) throws InterruptedException {
        List<ReentrantLock> locks = locks(threads);
        CountDownLatch allHoldFirst = new CountDownLatch(threads);
        Crew crew = Crew.start("lab-deadlock", threads, i -> {
            ReentrantLock first = locks.get(i);
            ReentrantLock second = locks.get((i + 1) % threads);
            first.lockInterruptibly();
            try {
                allHoldFirst.countDown();
                allHoldFirst.await(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
                second.lockInterruptibly();
                second.unlock();
            } catch (InterruptedException freed) {
                Thread.currentThread().interrupt();
            } finally {
                first.unlock();
            }
        });
        Optional<LockWatch.Stuck> stuck = LockWatch.await(crew.threads(), DETECTION_TIMEOUT);
        crew.threads().forEach(Thread::interrupt);
        crew.join(Duration.ofSeconds(5));
        return stuck;
    }

    /** Runs the same threads with a fix applied; reports whether all completed, how long it took, and retries. */
    private static List<Figure> fixed(int threads, Fix fix, long seed) throws InterruptedException {
        List<ReentrantLock> locks = locks(threads);
        CountDownLatch allHoldFirst = new CountDownLatch(threads);
        LongAdder completed = new LongAdder();
        LongAdder retries = new LongAdder();
        long began = System.nanoTime();
        Crew.start("lab-deadlock-" + fix.name().toLowerCase(), threads, i -> {
            int a = i;
            int b = (i + 1) % threads;
            if (fix == Fix.ORDERING) {
                ReentrantLock first = locks.get(Math.min(a, b));
                ReentrantLock second = locks.get(Math.max(a, b));
                first.lockInterruptibly();
                try {
                    allHoldFirst.countDown();
                    allHoldFirst.await(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
                    second.lockInterruptibly();
                    second.unlock();
                } finally {
                    first.unlock();
                }
            } else {
                Random backoff = new Random(seed + i);
                while (!bothByTrying(locks.get(a), locks.get(b), allHoldFirst)) {
                    retries.increment();
                    Crew.pause(Duration.ofMillis(1 + backoff.nextInt(10)));
                }
            }
            completed.increment();
        }).join(Duration.ofSeconds(30));
        double millis = (System.nanoTime() - began) / 1e6;
        String key = fix.name().toLowerCase();
        String label = fix == Fix.ORDERING ? "fix ordering: " : "fix trylock: ";
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.of(key + "Completed", label + "threads completed", completed.sum()),
                Figure.measured(key + "Millis", label + "wall time", millis, "ms")));
        if (fix == Fix.TRYLOCK) {
            figures.add(Figure.of("trylockRetries", label + "back-offs", retries.sum()));
        }
        return figures;
    }

    /** One attempt: take the first lock, then try the second for a while; on failure release the first. */
    private static boolean bothByTrying(ReentrantLock first, ReentrantLock second, CountDownLatch allHoldFirst)
            throws InterruptedException {
        first.lockInterruptibly();
        try {
            allHoldFirst.countDown();
            allHoldFirst.await(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            if (!second.tryLock(TRY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            second.unlock();
            return true;
        } finally {
            first.unlock();
        }
    }

    private static List<ReentrantLock> locks(int count) {
        List<ReentrantLock> locks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            locks.add(new ReentrantLock());
        }
        return locks;
    }

    /** Names each lock by the letter of the thread that took it first (thread 0 took lock A), from what ThreadMXBean saw. */
    private static Function<LockInfo, String> lockNames(LockWatch.Stuck stuck) {
        Map<Integer, String> names = new HashMap<>();
        for (ThreadInfo info : stuck.threads()) {
            String name = info.getThreadName();
            int index = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
            for (LockInfo held : info.getLockedSynchronizers()) {
                names.put(held.getIdentityHashCode(), "lock " + (char) ('A' + index));
            }
        }
        return info -> info == null ? "nothing" : names.getOrDefault(info.getIdentityHashCode(), info.toString());
    }
}
