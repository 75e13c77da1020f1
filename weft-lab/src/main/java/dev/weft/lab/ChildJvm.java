package dev.weft.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.weft.lab.processes.Jvm;
import dev.weft.lab.processes.Pipe;

/**
 * A separate JVM running {@link LabWorker} with this JVM's java binary and class path, spoken to over its
 * stdin and stdout. It has a deadline for its whole life: past it the child is killed, which also ends any read
 * waiting on it. {@link #close} always kills and reaps it, so no child outlives an experiment or a test.
 */
final class ChildJvm implements AutoCloseable {

    private final String role;
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;

    private ChildJvm(String role, Process process) {
        this.role = role;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts {@code LabWorker role args...} with the given JVM options; the child is killed after {@code lifetime}. */
    static ChildJvm start(Duration lifetime, List<String> jvmOptions, String role, String... args) {
        List<String> arguments = new ArrayList<>();
        arguments.add(role);
        arguments.addAll(List.of(args));
        List<String> command = Jvm.command(jvmOptions, LabWorker.class, arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new LabFailure("cannot start a worker JVM (" + command.getFirst() + "): " + e.getMessage(), e);
        }
        CompletableFuture.delayedExecutor(lifetime.toNanos(), TimeUnit.NANOSECONDS).execute(process::destroyForcibly);
        return new ChildJvm(role, process);
    }

    long pid() {
        return process.pid();
    }

    /** A framed {@link Pipe} over the child's stdin and stdout, for roles that speak frames instead of lines. */
    Pipe pipe() {
        return Pipe.toChild(process);
    }

    void send(String line) {
        in.println(line);
    }

    /** Closes the child's stdin: a worker reading commands takes that as the end. */
    void endInput() {
        in.close();
    }

    /** The next line the child printed; fails naming the child if it ended or was killed first. */
    String readLine() {
        try {
            String line = out.readLine();
            if (line == null) {
                throw new LabFailure("worker JVM " + role + " (pid " + pid() + ") ended without answering" + exitNote());
            }
            return line;
        } catch (IOException e) {
            throw new LabFailure("cannot read from worker JVM " + role + " (pid " + pid() + "): " + e.getMessage(), e);
        }
    }

    /** Waits for the child to exit by itself; fails if it is still running after {@code timeout}. */
    void awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new LabFailure("worker JVM " + role + " (pid " + pid() + ") still running after " + timeout.toMillis() + " ms");
        }
    }

    /** The exit code, once the child has exited. */
    int exitCode() {
        return process.exitValue();
    }

    private String exitNote() {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? ", exit code " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
