package dev.weft.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The seeds' "at most 5 at once": many tasks share a semaphore of 5 permits; the lab counts how many are inside at
 * the same moment and keeps the highest. Then the candy machine: releasing a full plain semaphore silently makes
 * 6 permits, a bounded one refuses.
 */
public final class SemaphoreExperiment implements Experiment {

    static final int DEFAULT_PERMITS = 5;
    static final int DEFAULT_TASKS = 20;
    /** A task inside waits at most this long for the others to fill the permits, then leaves anyway. */
    static final Duration HOLD = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "semaphore";
    }

    @Override
    public String lesson() {
        return "seed 000, 七、信号量(Semaphore); seed 001, 信号量(Semaphore)";
    }

    @Override
    public String summary() {
        return "tasks share 5 permits (--threads): the highest concurrency seen, and a bounded semaphore refusing an over-release";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int permits = LabOptions.atMost(options.threadsOr(DEFAULT_PERMITS), 200, name(), Knob.THREADS);
        int tasks = LabOptions.atMost(options.iterationsOr(DEFAULT_TASKS), 1000, name(), Knob.ITERATIONS);
        Semaphore semaphore = new Semaphore(permits);
        Room room = new Room(tasks);
        long began = System.nanoTime();
        Crew.start("lab-semaphore", tasks, i -> {
            semaphore.acquire();
            try {
                room.enterAndStay(permits, HOLD);
            } finally {
                semaphore.release();
            }
        }).join(Duration.ofSeconds(60));
        double millis = (System.nanoTime() - began) / 1e6;

        Semaphore plain = new Semaphore(permits);
        plain.release();
        BoundedSemaphore candyTray = new BoundedSemaphore(permits);
        String refused;
        try {
            candyTray.release();
            refused = "none";
        } catch (IllegalStateException e) {
            refused = e.getMessage();
        }
        return new Result(name(), lesson(),
                tasks + " tasks, a semaphore of " + permits + " permits",
                List.of(
                        Figure.of("tasks", "tasks run", room.left()),
                        Figure.of("permits", "permits", permits),
                        Figure.of("maxConcurrent", "highest concurrency seen", room.highest()),
                        Figure.measured("wallMillis", "wall time", millis, "ms"),
                        Figure.of("plainPermitsAfterExtraRelease", "plain semaphore after an extra release", plain.availablePermits(), "permits"),
                        Figure.of("boundedOverReleaseError", "bounded semaphore's extra release", refused)),
                List.of("A task entered only with a permit and each stayed until the room held " + permits
                                + " (or the tasks ran out): the count inside never passed " + room.highest() + ".",
                        "A plain semaphore counts releases it never handed out; a bounded one (Python's BoundedSemaphore)"
                                + " refuses them, like the candy machine that is already full."));
    }

    /**
     * Counts the tasks inside at once. A task stays until the room is as full as it can get (every permit taken, or
     * every unfinished task inside); then everyone present leaves. So the highest count reached is the most the
     * semaphore let in, not an accident of timing.
     */
    private static final class Room {
        private final int tasks;
        private int inside;
        private int highest;
        private int done;
        private long round;

        Room(int tasks) {
            this.tasks = tasks;
        }

        synchronized void enterAndStay(int capacity, Duration hold) throws InterruptedException {
            long deadline = System.nanoTime() + hold.toNanos();
            inside++;
            highest = Math.max(highest, inside);
            long mine = round;
            if (inside >= Math.min(capacity, tasks - done)) {
                round++;
                notifyAll();
            }
            long left;
            while (round == mine && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            inside--;
            done++;
        }

        synchronized int highest() {
            return highest;
        }

        synchronized int left() {
            return done;
        }
    }
}
