package dev.weft.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The seeds' database in maintenance: connectors arrive one after another and each tries a few times, waiting a
 * little on an event each time; a maintenance task opens the gate (sets the event) after a while. Early arrivals
 * run out of attempts and time out; later ones connect. A {@link CountDownLatch} of one is Python's Event without clear.
 */
public final class EventExperiment implements Experiment {

    static final int DEFAULT_CONNECTORS = 10;
    static final int DEFAULT_ATTEMPTS = 3;
    static final Duration ATTEMPT_WAIT = Duration.ofMillis(40);
    static final Duration ARRIVAL_GAP = Duration.ofMillis(30);
    static final int MAINTENANCE_MIN_MILLIS = 200;
    static final int MAINTENANCE_SPREAD_MILLIS = 100;

    /** What happened to one connector, in milliseconds since the start. */
    record Outcome(boolean connected, double atMillis) {
    }

    @Override
    public String name() {
        return "event";
    }

    @Override
    public String lesson() {
        return "seed 002, 3.9.2 事件: conn_mysql waits on an Event; seed 000, 六、同步条件(Event): Boss and Worker with clear()";
    }

    @Override
    public String summary() {
        return "connectors wait on an event with a timeout and retries while maintenance opens the gate; the boss/worker round with clear()";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS, Knob.SEED);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int connectors = LabOptions.atMost(options.threadsOr(DEFAULT_CONNECTORS), 100, name(), Knob.THREADS);
        int attempts = LabOptions.atMost(options.iterationsOr(DEFAULT_ATTEMPTS), 100, name(), Knob.ITERATIONS);
        long maintenance = MAINTENANCE_MIN_MILLIS + new Random(options.seed()).nextInt(MAINTENANCE_SPREAD_MILLIS + 1);
        CountDownLatch gate = new CountDownLatch(1);
        ConcurrentSkipListMap<Integer, Outcome> outcomes = new ConcurrentSkipListMap<>();
        double[] opening = new double[2];
        long began = System.nanoTime();

        Crew maintainer = Crew.start("lab-maintenance", 1, i -> {
            Crew.pause(Duration.ofMillis(maintenance));
            opening[0] = since(began);
            gate.countDown();
            opening[1] = since(began);
        });
        Crew crew = Crew.start("lab-connector", connectors, i -> {
            Crew.pause(ARRIVAL_GAP.multipliedBy(i));
            outcomes.put(i, connect(gate, attempts, began));
        });
        maintainer.join(Duration.ofSeconds(30));
        crew.join(Duration.ofSeconds(30).plus(ATTEMPT_WAIT.multipliedBy(attempts)).plus(ARRIVAL_GAP.multipliedBy(connectors)));

        BossRound boss = bossAndWorkers();
        String connected = ids(outcomes, true);
        String timedOut = ids(outcomes, false);
        long connectedCount = outcomes.values().stream().filter(Outcome::connected).count();
        return new Result(name(), lesson(),
                connectors + " connectors arriving every " + ARRIVAL_GAP.toMillis() + " ms, " + attempts + " attempts of "
                        + ATTEMPT_WAIT.toMillis() + " ms each; maintenance lasts " + maintenance + " ms",
                List.of(
                        Figure.of("connectors", "connectors", connectors),
                        Figure.of("maintenanceMillis", "maintenance planned", maintenance, "ms"),
                        Figure.measured("setCalledMillis", "set() called at", opening[0], "ms"),
                        Figure.measured("setReturnedMillis", "set() returned at", opening[1], "ms"),
                        Figure.of("connected", "connected", connectedCount),
                        Figure.of("timedOut", "timed out", connectors - connectedCount),
                        Figure.of("connectedIds", "who connected", connected.isEmpty() ? "nobody" : connected),
                        Figure.of("timedOutIds", "who timed out", timedOut.isEmpty() ? "nobody" : timedOut),
                        Figure.measured("lastGaveUpMillis", "last give-up at", last(outcomes, false), "ms"),
                        Figure.measured("firstConnectedMillis", "first connection at", first(outcomes, true), "ms"),
                        Figure.of("bossWorkers", "boss/worker: workers", BOSS_WORKERS),
                        Figure.of("bossRoundsSeen", "boss/worker: rounds each worker saw", boss.seen()),
                        Figure.of("bossSawBothRounds", "boss/worker: workers that saw both rounds", boss.sawBoth()),
                        Figure.of("bossSetAfterClear", "boss/worker: flag after the workers' clear()", boss.setAfterClear())),
                List.of("Each connector checked the event, then waited on it for " + ATTEMPT_WAIT.toMillis()
                                + " ms at most; those whose attempts ran out before the gate opened gave up.",
                        "Everyone still waiting when maintenance set the event woke at once: one set() releases all waiters."
                                + " In the boss/worker round, clear() reset the flag (" + (boss.setAfterClear() ? "still set?!" : "unset")
                                + ") so the same event could announce a second round: " + boss.sawBoth() + " of " + BOSS_WORKERS
                                + " workers saw both."));
    }

    static final int BOSS_WORKERS = 5;

    /** Who saw which round ("1 2" each, in worker order), how many saw both, and whether the flag was set after clear. */
    record BossRound(String seen, long sawBoth, boolean setAfterClear) {
    }

    /**
     * Seed 000's Boss and Worker: the boss announces overtime (set), each worker wakes, grumbles and clears the event,
     * then waits again; once every worker has cleared it, the boss announces the end of the day (set again).
     */
    private static BossRound bossAndWorkers() throws InterruptedException {
        ClearableEvent event = new ClearableEvent();
        CountDownLatch cleared = new CountDownLatch(BOSS_WORKERS);
        int[] round = new int[1];
        java.util.concurrent.atomic.AtomicReferenceArray<String> seen = new java.util.concurrent.atomic.AtomicReferenceArray<>(BOSS_WORKERS);
        boolean[] flagAfterClear = new boolean[1];
        Crew workers = Crew.start("lab-worker", BOSS_WORKERS, i -> {
            if (!event.await(Duration.ofSeconds(30))) {
                throw new LabFailure("event: worker " + i + " never heard the first announcement");
            }
            int first;
            synchronized (round) {
                first = round[0];
            }
            event.clear();
            cleared.countDown();
            if (!event.await(Duration.ofSeconds(30))) {
                throw new LabFailure("event: worker " + i + " never heard the second announcement");
            }
            synchronized (round) {
                seen.set(i, first + " " + round[0]);
            }
        });
        Crew boss = Crew.start("lab-boss", 1, i -> {
            if (!event.awaitWaiters(BOSS_WORKERS, Duration.ofSeconds(30))) {
                throw new LabFailure("event: the workers did not start waiting within 30 s");
            }
            synchronized (round) {
                round[0] = 1;
            }
            event.set();
            // every worker has cleared the event and waits again: the second announcement reaches them all
            if (!cleared.await(30, TimeUnit.SECONDS) || !event.awaitWaiters(BOSS_WORKERS, Duration.ofSeconds(30))) {
                throw new LabFailure("event: the workers did not clear the event and wait again within 30 s");
            }
            flagAfterClear[0] = event.isSet();
            synchronized (round) {
                round[0] = 2;
            }
            event.set();
        });
        boss.join(Duration.ofSeconds(40));
        workers.join(Duration.ofSeconds(40));
        List<String> all = new java.util.ArrayList<>();
        for (int i = 0; i < BOSS_WORKERS; i++) {
            all.add(seen.get(i));
        }
        return new BossRound(String.join(", ", all), all.stream().filter("1 2"::equals).count(), flagAfterClear[0]);
    }

    /** The seeds' conn_mysql: check, give up after the last attempt, otherwise wait on the event for a while. */
    private static Outcome connect(CountDownLatch gate, int attempts, long began) throws InterruptedException {
        int attempt = 1;
        while (true) {
            if (gate.getCount() == 0) {
                return new Outcome(true, since(began));
            }
            if (attempt > attempts) {
                return new Outcome(false, since(began));
            }
            gate.await(ATTEMPT_WAIT.toNanos(), TimeUnit.NANOSECONDS);
            attempt++;
        }
    }

    private static double since(long began) {
        return (System.nanoTime() - began) / 1e6;
    }

    private static String ids(ConcurrentSkipListMap<Integer, Outcome> outcomes, boolean connected) {
        return outcomes.entrySet().stream().filter(e -> e.getValue().connected() == connected)
                .map(e -> String.valueOf(e.getKey())).collect(Collectors.joining(" "));
    }

    private static double last(ConcurrentSkipListMap<Integer, Outcome> outcomes, boolean connected) {
        return outcomes.values().stream().filter(o -> o.connected() == connected)
                .mapToDouble(Outcome::atMillis).max().orElse(-1);
    }

    private static double first(ConcurrentSkipListMap<Integer, Outcome> outcomes, boolean connected) {
        return outcomes.values().stream().filter(o -> o.connected() == connected)
                .mapToDouble(Outcome::atMillis).min().orElse(-1);
    }
}
