package dev.weft.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The threading module's {@code Barrier}: runners that get ready at different speeds (runner i warms up for
 * i x {@link #WARM_UP_STEP}) start running either as soon as each is ready, or together once the last is ready,
 * at a {@link CyclicBarrier} and again at a {@link Phaser}. The spread of their start times is the lesson.
 */
public final class BarrierExperiment implements Experiment {

    static final int DEFAULT_RUNNERS = 6;
    static final Duration WARM_UP_STEP = Duration.ofMillis(10);

    @Override
    public String name() {
        return "barrier";
    }

    @Override
    public String lesson() {
        return "seed 003, 34 threading模块 (Barrier: 必须达到指定数量的线程后才可以继续)";
    }

    @Override
    public String summary() {
        return "N runners (--threads) start with and without a CyclicBarrier/Phaser: the spread of their start times";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int runners = LabOptions.atMost(options.threadsOr(DEFAULT_RUNNERS), 64, name(), Knob.THREADS);
        double free = spread(runners, "lab-runner-free", () -> { });
        AtomicInteger trips = new AtomicInteger();
        CyclicBarrier barrier = new CyclicBarrier(runners, trips::incrementAndGet);
        double atBarrier = spread(runners, "lab-runner-barrier", () -> barrier.await(30, TimeUnit.SECONDS));
        Phaser phaser = new Phaser(runners);
        double atPhaser = spread(runners, "lab-runner-phaser", () -> phaser.awaitAdvanceInterruptibly(phaser.arrive(), 30, TimeUnit.SECONDS));
        double warmUps = WARM_UP_STEP.toMillis() * (runners - 1.0);
        return new Result(name(), lesson(),
                runners + " runners; runner i warms up for " + WARM_UP_STEP.toMillis() + " x i ms, then records when it starts",
                List.of(
                        Figure.of("runners", "runners", runners),
                        Figure.measured("warmUpSpreadMillis", "spread of the warm-ups", warmUps, "ms"),
                        Figure.measured("noBarrierSpreadMillis", "start spread, no barrier", free, "ms"),
                        Figure.measured("barrierSpreadMillis", "start spread, CyclicBarrier", atBarrier, "ms"),
                        Figure.measured("phaserSpreadMillis", "start spread, Phaser", atPhaser, "ms"),
                        Figure.of("barrierTrips", "barrier trips", trips.get()),
                        Figure.of("phaserPhase", "phaser phase after the run", phaser.getPhase())),
                List.of(String.format(Locale.ROOT, "Without a barrier each runner started when it was ready, so the starts spread"
                                + " over %.2f ms, about the %.0f ms between the first and last warm-up.", free, warmUps),
                        String.format(Locale.ROOT, "At the barrier the first %d runners waited for the last; its arrival released"
                                + " all at once, so the starts spread over %.2f ms (Phaser: %.2f ms), the time to wake %d threads.",
                                runners - 1, atBarrier, atPhaser, runners)));
    }

    /** A wait the runners do between warming up and starting. */
    @FunctionalInterface
    private interface Gate {
        void pass() throws Exception;
    }

    private static double spread(int runners, String name, Gate gate) throws InterruptedException {
        AtomicLongArray starts = new AtomicLongArray(runners);
        Crew.start(name, runners, i -> {
            Crew.pause(WARM_UP_STEP.multipliedBy(i));
            gate.pass();
            starts.set(i, System.nanoTime());
        }).join(Duration.ofSeconds(60));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < runners; i++) {
            min = Math.min(min, starts.get(i));
            max = Math.max(max, starts.get(i));
        }
        return (max - min) / 1e6;
    }
}
