package dev.weft.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.weft.lab.processes.ProcessPool;
import dev.weft.lab.processes.SharedCounter;
import dev.weft.lab.processes.SharedState;
import dev.weft.lab.processes.StateServer;

/**
 * Sharing between processes, two ways. Through a manager: a {@link StateServer} JVM holds a dict and a list, and
 * worker JVMs write their pid into the dict and append to the list through {@link SharedState}, one request per call.
 * Through shared memory: worker JVMs increment a {@link SharedCounter} in one memory-mapped file for a fixed time,
 * first read-pause-write with no lock (updates are lost), then under a {@link java.nio.channels.FileLock} (none are).
 */
public final class ManagerExperiment implements Experiment {

    static final int DEFAULT_WORKERS = 2;
    static final int DEFAULT_APPENDS = 200;
    static final long COUNTING_MILLIS = 300;
    /** Busy-wait steps between the read and the write: the seeds' pause, so the race shows within the time. */
    static final int SPINS = 200;

    /**
     * A worker's part in the counter race: check in at the gate (a second shared counter, under its lock), wait until
     * every worker has, then count for {@link #COUNTING_MILLIS}. Returns how many increments it made.
     */
    static long count(Path file, Path gateFile, int workers, boolean locked) throws IOException {
        try (SharedCounter counter = SharedCounter.open(file); SharedCounter gate = SharedCounter.open(gateFile)) {
            gate.increment(0);
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (gate.get() < workers) {
                if (System.nanoTime() > giveUp) {
                    throw new IOException("only " + gate.get() + " of " + workers + " workers reached the gate within 30 s");
                }
                Thread.onSpinWait();
            }
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COUNTING_MILLIS);
            long mine = 0;
            while (System.nanoTime() < end) {
                if (locked) {
                    counter.increment(SPINS);
                } else {
                    counter.incrementUnlocked(SPINS);
                }
                mine++;
            }
            return mine;
        }
    }

    /** A worker's part in the manager run: its pid in the dict, its appends on the list, one-step adds to a total. */
    static long share(int port, int appends) throws IOException {
        long pid = ProcessHandle.current().pid();
        try (SharedState state = SharedState.connect(port)) {
            state.put("workers", String.valueOf(pid), "appended " + appends);
            for (int i = 0; i < appends; i++) {
                state.append("pids", String.valueOf(pid));
                state.add("counts", "total", 1);
            }
        }
        return pid;
    }

    @Override
    public String name() {
        return "manager";
    }

    @Override
    public String lesson() {
        return "seed 001, 数据共享(Managers): manager.dict(), manager.list(); seed 001, 锁(Lock) between processes";
    }

    @Override
    public String summary() {
        return "worker JVMs (--threads) share a dict and a list through a manager JVM (--iterations appends each), and a counter in a memory-mapped file with and without a FileLock";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int workers = LabOptions.atMost(options.threadsOr(DEFAULT_WORKERS), 8, name(), Knob.THREADS);
        int appends = LabOptions.atMost(options.iterationsOr(DEFAULT_APPENDS), 100_000, name(), Knob.ITERATIONS);
        Path file = null;
        Path gate = null;
        try (StateServer.Child manager = StateServer.spawn(); ProcessPool pool = ProcessPool.start(workers)) {
            int port = manager.port();
            List<Long> pids = all(pool, workers, () -> share(port, appends));
            Map<String, String> dict;
            List<String> list;
            long total;
            try (SharedState state = SharedState.connect(port)) {
                dict = state.dict("workers");
                list = state.list("pids");
                total = Long.parseLong(state.get("counts", "total").orElse("0"));
            }
            file = Files.createTempFile("weft-lab-counter", ".bin");
            gate = Files.createTempFile("weft-lab-gate", ".bin");
            long[] unlocked = race(pool, workers, file, gate, false);
            long[] locked = race(pool, workers, file, gate, true);
            boolean everyPid = pids.stream().allMatch(p -> dict.containsKey(String.valueOf(p)));
            long expectedAppends = (long) workers * appends;
            return new Result(name(), lesson(),
                    workers + " worker JVMs and a manager JVM (pid " + manager.pid() + "); " + appends + " appends each; then "
                            + COUNTING_MILLIS + " ms of counting per worker in shared memory, unlocked and locked",
                    List.of(
                            Figure.of("workers", "worker JVMs", workers),
                            Figure.of("managerPid", "manager pid", manager.pid()),
                            Figure.of("dictEntries", "dict entries (one per worker pid)", dict.size()),
                            Figure.of("dictHasEveryWorker", "dict has every worker's pid", everyPid),
                            Figure.of("listSize", "list size", list.size()),
                            Figure.of("expectedListSize", "appends made", expectedAppends),
                            Figure.of("managerTotal", "total of one-step adds", total),
                            Figure.of("unlockedIncrements", "no lock: increments made", unlocked[0]),
                            Figure.of("unlockedCounter", "no lock: counter", unlocked[1]),
                            Figure.of("unlockedLost", "no lock: lost updates", unlocked[0] - unlocked[1]),
                            Figure.of("lockedIncrements", "FileLock: increments made", locked[0]),
                            Figure.of("lockedCounter", "FileLock: counter", locked[1]),
                            Figure.of("lockedLost", "FileLock: lost updates", locked[0] - locked[1])),
                    List.of("Through the manager every call is one request the manager runs alone: the list got all " + list.size()
                                    + " appends and the total all " + total + " adds, with no lock in the workers.",
                            (unlocked[0] > unlocked[1]
                                    ? "In shared memory, with no lock, " + (unlocked[0] - unlocked[1]) + " of " + unlocked[0]
                                            + " increments were lost: two processes read the same value and both wrote it plus one."
                                    : "In shared memory, with no lock, no increment happened to be lost this run (" + unlocked[0]
                                            + "): the workers barely overlapped, which is luck, not safety.")
                                    + " Under the FileLock " + (locked[0] - locked[1]) + " of " + locked[0] + " were lost."));
        } catch (IOException e) {
            throw new LabFailure("manager: " + e.getMessage(), e);
        } finally {
            for (Path temp : java.util.Arrays.asList(file, gate)) {
                if (temp != null) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException e) {
                        // a temp file left in the temp folder; nothing else depends on it
                    }
                }
            }
        }
    }

    /**
     * Runs the counting in every worker at once (they meet at the gate first); returns the increments made (summed)
     * and the counter's final value.
     */
    private static long[] race(ProcessPool pool, int workers, Path file, Path gateFile, boolean locked) throws IOException, InterruptedException {
        try (SharedCounter counter = SharedCounter.open(file); SharedCounter gate = SharedCounter.open(gateFile)) {
            counter.set(0);
            gate.set(0);
            String path = file.toString();
            String gatePath = gateFile.toString();
            List<Long> made = all(pool, workers, () -> count(Path.of(path), Path.of(gatePath), workers, locked));
            return new long[] {made.stream().mapToLong(Long::longValue).sum(), counter.get()};
        }
    }

    private static List<Long> all(ProcessPool pool, int workers, dev.weft.lab.processes.ProcessTask<Long> task) throws InterruptedException {
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            futures.add(pool.submit(task));
        }
        List<Long> results = new ArrayList<>();
        for (CompletableFuture<Long> future : futures) {
            try {
                results.add(future.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                throw new LabFailure("manager: a worker JVM failed: " + (e.getCause() == null ? e : e.getCause()), e);
            }
        }
        return results;
    }
}
