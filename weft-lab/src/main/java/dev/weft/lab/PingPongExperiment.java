package dev.weft.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Seed 002's two coroutines taking turns (work1/work2 with {@code yield}, then greenlet's {@code switch}): two
 * threads pass a baton through two {@link SynchronousQueue}s, so exactly one runs at a time and the order strictly
 * alternates. Done with two virtual threads and with two platform threads; the figure is switches per second.
 */
public final class PingPongExperiment implements Experiment {

    static final int DEFAULT_SWITCHES = 100_000;
    static final int SHOWN = 8;

    /** One run: switches made, the first few holders of the baton in order, the wall time. */
    record Run(long switches, String order, double millis) {
        double perSecond() {
            return switches / Math.max(millis, 0.001) * 1000;
        }
    }

    @Override
    public String name() {
        return "ping-pong";
    }

    @Override
    public String lesson() {
        return "seed 002, 5.3.1 协程-yield and 5.3.2 协程-greenlet (gr1.switch / gr2.switch)";
    }

    @Override
    public String summary() {
        return "two coroutines passing a baton (the seed's yield ping-pong, greenlet switch) as virtual vs platform threads (--iterations switches)";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int switches = LabOptions.atMost(options.iterationsOr(DEFAULT_SWITCHES), 10_000_000, name(), Knob.ITERATIONS);
        Run virtual = play(switches, true);
        Run platform = play(switches, false);
        double ratio = virtual.perSecond() / Math.max(platform.perSecond(), 0.001);
        return new Result(name(), lesson(),
                switches + " hand-overs of a baton between two threads, one at a time",
                List.of(
                        Figure.of("switches", "switches", switches),
                        Figure.of("virtualOrder", "virtual: who held the baton, first " + SHOWN, virtual.order()),
                        Figure.measured("virtualPerSecond", "virtual threads: switches per second", virtual.perSecond(), ""),
                        Figure.of("platformOrder", "platform: who held the baton, first " + SHOWN, platform.order()),
                        Figure.measured("platformPerSecond", "platform threads: switches per second", platform.perSecond(), ""),
                        Figure.measured("virtualOverPlatform", "virtual / platform", ratio, "x")),
                List.of("Each side ran only while it held the baton, so the turns alternated exactly (" + virtual.order()
                                + " ...), like the seed's work1 and work2 yielding to each other or greenlets switching.",
                        String.format(Locale.ROOT, "A virtual thread's switch is a continuation the JDK unmounts and mounts on a"
                                + " carrier, a platform thread's is a kernel context switch: %.0f against %.0f switches per second (%.2fx)%s.",
                                virtual.perSecond(), platform.perSecond(), ratio,
                                ratio >= 1 ? "" : "; on this run the kernel was quicker, the machine's load decides such close calls")));
    }

    private static Run play(int switches, boolean virtual) throws InterruptedException {
        SynchronousQueue<Integer> toA = new SynchronousQueue<>();
        SynchronousQueue<Integer> toB = new SynchronousQueue<>();
        char[] order = new char[SHOWN];
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        long began = System.nanoTime();
        Thread a = builder.name("lab-ping").start(() -> pass(toA, toB, switches, order, 'A'));
        Thread b = builder.name("lab-pong").start(() -> pass(toB, toA, switches, order, 'B'));
        try {
            toA.put(0);
            if (!a.join(Duration.ofSeconds(120)) || !b.join(Duration.ofSeconds(10))) {
                throw new LabFailure("ping-pong: the baton was still moving after 120 s");
            }
        } finally {
            a.interrupt();
            b.interrupt();
        }
        double millis = (System.nanoTime() - began) / 1e6;
        StringBuilder shown = new StringBuilder();
        for (char c : order) {
            shown.append(shown.isEmpty() ? "" : " ").append(c);
        }
        return new Run(switches, shown.toString(), millis);
    }

    /** Takes the baton, notes who holds it, passes it on; the last hand-over is number {@code switches}. */
    private static void pass(SynchronousQueue<Integer> mine, SynchronousQueue<Integer> theirs, int switches, char[] order,
            char who) {
        try {
            while (true) {
                Integer n = mine.poll(30, TimeUnit.SECONDS);
                if (n == null) {
                    return;
                }
                if (n >= switches) {
                    if (n == switches) {
                        theirs.offer(n + 1, 1, TimeUnit.SECONDS); // the other side is waiting: tell it the game is over
                    }
                    return;
                }
                if (n < order.length) {
                    order[n] = who;
                }
                theirs.put(n + 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
