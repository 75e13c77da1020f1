package dev.weft.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;

import dev.weft.lab.processes.Pipe;

/**
 * The seeds' {@code Pipe()}: a duplex pipe to a child JVM (its stdin and stdout, framed by {@link Pipe}) that sends
 * every message straight back; the round trip is timed, message by message. Two threads handing a message over a
 * {@link SynchronousQueue} and back are the yardstick.
 */
public final class PipeExperiment implements Experiment {

    static final int DEFAULT_ROUND_TRIPS = 2_000;
    static final int WARM_UP = 200;

    /** Round-trip latencies in microseconds, and how many echoes differed from what was sent. */
    record Trips(double p50, double p99, long wrong) {
    }

    @Override
    public String name() {
        return "pipe";
    }

    @Override
    public String lesson() {
        return "seed 001, 管道(Pipes): parent_conn, child_conn = Pipe(); seed 001, python网络编程--管道";
    }

    @Override
    public String summary() {
        return "a duplex pipe to a child JVM: round-trip latency (--iterations trips) vs two threads on a SynchronousQueue";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int trips = LabOptions.atMost(options.iterationsOr(DEFAULT_ROUND_TRIPS), 100_000, name(), Knob.ITERATIONS);
        Trips pipe;
        long childPid;
        try (ChildJvm child = ChildJvm.start(Duration.ofMinutes(2), List.of("-Xmx32m", "-XX:+UseSerialGC"), "echo")) {
            childPid = child.pid();
            Pipe end = child.pipe();
            pipe = measure(trips, message -> {
                try {
                    end.send(message);
                    return end.receive().orElseThrow(() -> new LabFailure("pipe: the child JVM closed the pipe"));
                } catch (IOException e) {
                    throw new LabFailure("pipe: the pipe to child JVM pid " + childPid + " broke: " + e.getMessage(), e);
                }
            });
        }
        SynchronousQueue<String> there = new SynchronousQueue<>();
        SynchronousQueue<String> back = new SynchronousQueue<>();
        Thread echo = Thread.ofPlatform().daemon().name("lab-pipe-echo").start(() -> {
            try {
                while (true) {
                    back.put(there.take());
                }
            } catch (InterruptedException e) {
                // the measurement is over
            }
        });
        Trips threads;
        try {
            threads = measure(trips, message -> {
                try {
                    there.put(message);
                    return back.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LabFailure("pipe: interrupted", e);
                }
            });
        } finally {
            echo.interrupt();
            echo.join(Duration.ofSeconds(5));
        }
        return new Result(name(), lesson(),
                trips + " round trips of a short message, after " + WARM_UP + " to warm up",
                List.of(
                        Figure.of("roundTrips", "round trips", trips),
                        Figure.of("childPid", "echoing child's pid", childPid),
                        Figure.of("pipeWrongEchoes", "pipe: echoes that differed", pipe.wrong()),
                        Figure.measured("pipeP50Micros", "pipe to a process: round trip (p50)", pipe.p50(), "µs"),
                        Figure.measured("pipeP99Micros", "pipe to a process: round trip (p99)", pipe.p99(), "µs"),
                        Figure.of("threadWrongEchoes", "threads: echoes that differed", threads.wrong()),
                        Figure.measured("threadP50Micros", "two threads, SynchronousQueue: round trip (p50)", threads.p50(), "µs"),
                        Figure.measured("threadP99Micros", "two threads, SynchronousQueue: round trip (p99)", threads.p99(), "µs")),
                List.of(String.format(Locale.ROOT, "Through the pipe a message went out of this process, through the kernel, into the"
                                + " child and back: %.2f µs at the median.", pipe.p50()),
                        String.format(Locale.ROOT, "Two threads hand over a reference and wake each other: %.2f µs at the median, %s.",
                                threads.p50(), pipe.p50() >= 1.2 * threads.p50()
                                        ? String.format(Locale.ROOT, "%.1fx quicker than the pipe", pipe.p50() / Math.max(threads.p50(), 0.001))
                                        : "about the pipe's time on this run: on a busy machine both are mostly the wait for a sleeping"
                                                + " thread to be scheduled again, which the kernel does for threads and processes alike")));
    }

    /** One message out and its echo back. */
    @FunctionalInterface
    private interface RoundTrip {
        String go(String message);
    }

    private static Trips measure(int trips, RoundTrip roundTrip) {
        for (int i = 0; i < WARM_UP; i++) {
            roundTrip.go("warm " + i);
        }
        long[] nanos = new long[trips];
        long wrong = 0;
        for (int i = 0; i < trips; i++) {
            String message = "ping " + i;
            long began = System.nanoTime();
            String answer = roundTrip.go(message);
            nanos[i] = System.nanoTime() - began;
            if (!Arrays.equals(answer.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8))) {
                wrong++;
            }
        }
        Arrays.sort(nanos);
        return new Trips(nanos[trips / 2] / 1e3, nanos[Math.min(trips - 1, (int) Math.ceil(trips * 0.99) - 1)] / 1e3, wrong);
    }
}
