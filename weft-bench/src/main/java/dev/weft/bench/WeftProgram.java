package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The weft command as a user runs it, in a JVM of its own, so that its times include what a user waits for
 * (JVM start-up included) just as cp's and wget's include theirs.
 *
 * @param command the command line up to and excluding the subcommand, e.g. {@code java -cp weft.jar dev.weft.cli.Main}
 * @param cached  whether the command runs weft with the launcher's ahead-of-time cache ({@link WeftJvm})
 */
public record WeftProgram(List<String> command, boolean cached) {

    public WeftProgram {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the weft command is empty");
        }
    }

    /** A weft command line without an ahead-of-time cache. */
    public WeftProgram(List<String> command) {
        this(command, false);
    }

    /**
     * {@code mainClass} run by this JVM's java binary on this JVM's class path, for client commands of {@code group}
     * (copy, client), with the launcher's ahead-of-time cache and client flags when this weft has them
     * ({@link WeftJvm}).
     */
    public static WeftProgram sameClassPath(String group, String mainClass) {
        WeftJvm jvm = WeftJvm.current();
        return new WeftProgram(jvm.clientCommand(group, mainClass), jvm.cached());
    }

    /**
     * As {@link #sameClassPath(String, String)} but without the client flags: how ./weft runs {@code copy --verify} and
     * {@code files get}, which hash.
     */
    public static WeftProgram sameClassPathOptimising(String group, String mainClass) {
        WeftJvm jvm = WeftJvm.current();
        return new WeftProgram(jvm.groupCommand(group, mainClass), jvm.cached());
    }

    /** A contender named {@code name} that runs weft with the arguments {@code args} gives for (input, destination). */
    ToolContender contender(String name, String version, BiFunction<Path, Path, List<String>> args) {
        return new ToolContender(name, version, (input, destination) -> {
            List<String> line = new ArrayList<>(command);
            line.addAll(args.apply(input, destination));
            return line;
        });
    }

    /** The first line of {@code weft --version}, and whether it ran with its ahead-of-time cache. */
    String version() throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(command);
        line.add("--version");
        String version = Tools.output(line, Duration.ofSeconds(30)).lines().findFirst().orElse("weft").trim();
        return cached() ? version + " (AOT cache)" : version;
    }

    /** The median time of {@code runs} runs of {@code weft --version}: the JVM start-up inside every weft time. */
    double startupSeconds(Path log, int runs) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(command);
        line.add("--version");
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            seconds.add(TimedRun.nanos(line, log, Duration.ofSeconds(30)) / 1e9);
        }
        return InterleavedRounds.median(seconds);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f s", value);
    }
}
