package dev.weft.lab;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The seeds' daemon processes ({@code p.daemon = True}) and {@code terminate()}: a parent JVM starts a daemon child
 * (which watches its stdin, a pipe from the parent) and a non-daemon child (which does not), then exits. The daemon
 * child ends with it; the non-daemon child outlives it, until this JVM terminates it.
 */
public final class DaemonProcessExperiment implements Experiment {

    static final int DEFAULT_LINGER_MILLIS = 10_000;

    @Override
    public String name() {
        return "daemon-process";
    }

    @Override
    public String lesson() {
        return "seed 001, 守护进程(守护线程) (p.daemon=True); seed 004, 多进程 (terminate(): 不管任务是否完成,立即终止子进程)";
    }

    @Override
    public String summary() {
        return "a parent JVM exits: its daemon child dies with it, its non-daemon child (sleeping --iterations ms) outlives it until terminate()";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.ITERATIONS);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int linger = LabOptions.atMost(options.iterationsOr(DEFAULT_LINGER_MILLIS), 60_000, name(), Knob.ITERATIONS);
        ProcessHandle daemon = null;
        ProcessHandle nonDaemon = null;
        try (ChildJvm parent = ChildJvm.start(Duration.ofMinutes(1), List.of("-Xmx32m", "-XX:+UseSerialGC"), "parent",
                String.valueOf(linger))) {
            String line = parent.readLine();
            String[] words = line.split(" ");
            if (words.length != 3 || !words[0].equals("children")) {
                throw new LabFailure("daemon-process: the parent JVM said '" + line + "'");
            }
            daemon = ProcessHandle.of(Long.parseLong(words[1])).orElse(null);
            nonDaemon = ProcessHandle.of(Long.parseLong(words[2])).orElse(null);
            if (daemon == null || nonDaemon == null) {
                throw new LabFailure("daemon-process: a child of the parent JVM was gone before the parent exited");
            }
            parent.awaitExit(Duration.ofSeconds(30));
            long exited = System.nanoTime();
            double daemonGone = await(daemon, Duration.ofSeconds(30), exited);
            boolean nonDaemonAlive = nonDaemon.isAlive();
            double aliveFor = (System.nanoTime() - exited) / 1e6;
            long terminating = System.nanoTime();
            nonDaemon.destroy();
            double terminated = await(nonDaemon, Duration.ofSeconds(30), terminating);
            return new Result(name(), lesson(),
                    "a parent JVM with a daemon child and a non-daemon child that would sleep " + linger + " ms; the parent exits",
                    List.of(
                            Figure.of("daemonPid", "daemon child pid", daemon.pid()),
                            Figure.of("nonDaemonPid", "non-daemon child pid", nonDaemon.pid()),
                            Figure.of("parentExitCode", "parent exit code", parent.exitCode()),
                            Figure.measured("daemonGoneMillis", "daemon child gone after the parent exited", daemonGone, "ms"),
                            Figure.of("nonDaemonOutlivedParent", "non-daemon child alive after the parent exited", nonDaemonAlive),
                            Figure.measured("nonDaemonCheckedAtMillis", "checked at (after the parent exited)", aliveFor, "ms"),
                            Figure.measured("terminateMillis", "terminate(): child gone after", terminated, "ms"),
                            Figure.of("nonDaemonAliveAfterTerminate", "non-daemon child alive after terminate()", nonDaemon.isAlive())),
                    List.of("The daemon child ended " + Math.round(daemonGone) + " ms after its parent: its stdin is a pipe from the"
                                    + " parent, and when the parent's end closed it exited, as Python ends daemon processes at exit.",
                            "The non-daemon child " + (nonDaemonAlive ? "was still running after its parent had gone" : "was already gone")
                                    + "; terminate() (SIGTERM) ended it " + Math.round(terminated) + " ms later, without waiting for"
                                    + " its task."));
        } finally {
            if (daemon != null) {
                daemon.destroyForcibly();
            }
            if (nonDaemon != null) {
                nonDaemon.destroyForcibly();
            }
        }
    }

    /**
     * Waits for a process that is not our child (the JDK's onExit for those polls slowly) to end, checking every
     * {@link #CHECK}; milliseconds from {@code since}.
     */
    private static double await(ProcessHandle process, Duration timeout, long since) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new LabFailure("daemon-process: pid " + process.pid() + " still running after " + timeout.toMillis() + " ms");
            }
            LockSupport.parkNanos(CHECK.toNanos());
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return (System.nanoTime() - since) / 1e6;
    }

    static final Duration CHECK = Duration.ofMillis(2);
}
