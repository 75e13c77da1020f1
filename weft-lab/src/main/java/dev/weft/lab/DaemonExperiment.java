package dev.weft.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The seeds' daemon lesson, shown by child JVMs' exit times: main starts a thread that sleeps and returns.
 * A daemon thread does not keep the JVM alive, so it exits at once; a non-daemon thread does, so the JVM lingers
 * until the thread ends; with join, main itself waits and the JVM exits right after.
 */
public final class DaemonExperiment implements Experiment {

    static final int DEFAULT_SLEEP_MILLIS = 500;
    static final List<String> MODES = List.of("daemon", "non-daemon", "join");

    /** One child's timeline, in milliseconds: time spent in main, and time from main returning to the JVM's exit. */
    record Timeline(long pid, long mainMillis, double lingerMillis, int exitCode) {
    }

    @Override
    public String name() {
        return "daemon";
    }

    @Override
    public String lesson() {
        return "seed 003, 35 守护线程; seed 001, 守护进程(守护线程)";
    }

    @Override
    public String summary() {
        return "child JVMs whose thread sleeps (--iterations ms): a daemon thread does not keep the JVM alive, a non-daemon one does, join waits";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int sleep = LabOptions.atMost(options.iterationsOr(DEFAULT_SLEEP_MILLIS), 10_000, name(), Knob.ITERATIONS);
        Duration lifetime = Duration.ofMillis(sleep * 10L).plusSeconds(30);
        List<ChildJvm> children = new ArrayList<>();
        AtomicReferenceArray<Timeline> timelines = new AtomicReferenceArray<>(MODES.size());
        try {
            for (String mode : MODES) {
                children.add(ChildJvm.start(lifetime, List.of("-Xmx32m", "-XX:+UseSerialGC"), mode, String.valueOf(sleep)));
            }
            // one watcher per child, so each child's exit is timed from the moment its own line arrives
            Crew.start("lab-daemon-watch", MODES.size(), i -> timelines.set(i, timeline(children.get(i), lifetime)))
                    .join(lifetime.plusSeconds(5));
        } finally {
            children.forEach(ChildJvm::close);
        }
        Timeline daemon = timelines.get(0);
        Timeline nonDaemon = timelines.get(1);
        Timeline join = timelines.get(2);
        return new Result(name(), lesson(),
                "three child JVMs; each main starts a thread that sleeps " + sleep + " ms (the daemon one " + sleep * 10
                        + " ms), then returns",
                List.of(
                        Figure.of("sleepMillis", "thread sleeps", sleep, "ms"),
                        Figure.measured("daemonLingerMillis", "daemon: exit after main returned", daemon.lingerMillis(), "ms"),
                        Figure.measured("nonDaemonLingerMillis", "non-daemon: exit after main returned", nonDaemon.lingerMillis(), "ms"),
                        Figure.of("joinMainMillis", "join: time in main", join.mainMillis(), "ms"),
                        Figure.measured("joinLingerMillis", "join: exit after main returned", join.lingerMillis(), "ms"),
                        Figure.of("exitCodes", "exit codes", daemon.exitCode() + " " + nonDaemon.exitCode() + " " + join.exitCode())),
                List.of("The JVM exits when its last non-daemon thread ends: the daemon thread was abandoned mid-sleep, the non-daemon"
                                + " one kept its JVM alive about " + sleep + " ms after main returned.",
                        "join() made main wait for the thread itself, so main took the " + sleep + " ms and the JVM exited right after."));
    }

    /** Reads the child's main-returning line, then times its exit. */
    private static Timeline timeline(ChildJvm child, Duration lifetime) throws InterruptedException {
        String[] line = child.readLine().split(" ");
        long returned = System.nanoTime();
        if (line.length != 3 || !line[0].equals("main-returning")) {
            throw new LabFailure("worker JVM pid " + child.pid() + " said '" + String.join(" ", line) + "'");
        }
        child.awaitExit(lifetime);
        double linger = (System.nanoTime() - returned) / 1e6;
        return new Timeline(child.pid(), Long.parseLong(line[2]), linger, child.exitCode());
    }
}
