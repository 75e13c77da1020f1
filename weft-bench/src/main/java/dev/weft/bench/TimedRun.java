package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command to completion and times it from launch to exit, its output kept in a log file. A command that
 * fails or overruns its limit is an {@link IOException} quoting the end of its log, never a figure in a report.
 */
final class TimedRun {

    private static final int LOG_TAIL = 600;

    private TimedRun() {
    }

    /** Wall-clock nanoseconds from starting {@code command} to its exit with status 0. */
    static long nanos(List<String> command, Path log, Duration limit) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        long elapsed = System.nanoTime() - start;
        if (!exited) {
            process.destroyForcibly().waitFor();
            throw new IOException("'" + String.join(" ", command) + "' ran longer than " + limit.toSeconds() + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' exited with status " + process.exitValue()
                    + ": " + tail(log));
        }
        return elapsed;
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8).strip();
        return text.length() <= LOG_TAIL ? text : "..." + text.substring(text.length() - LOG_TAIL);
    }
}
