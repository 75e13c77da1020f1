package dev.weft.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.weft.bench.FilesBench;
import dev.weft.bench.HttpBench;
import dev.weft.bench.HttpBenchSettings;
import dev.weft.bench.HttpReport;
import dev.weft.bench.ModelsBench;
import dev.weft.bench.Peer;
import dev.weft.bench.StartupBench;
import dev.weft.bench.ReportWriter;
import dev.weft.bench.ToolMissingException;
import dev.weft.bench.WeftProgram;
import dev.weft.engine.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weft bench http|models|files|startup}: weft side by side with the servers people would pick instead. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on this machine, over 127.0.0.1: weft against Jetty, Undertow, Netty, Helidon, the JDK server, nginx, nc, cp, rsync, wget and aria2c.")
final class BenchCommand implements Runnable {

    /** Its subcommands, in the order help lists them (registered by {@link WeftCommand#subcommand}). */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            BenchCommand.Http.class, BenchCommand.Models.class, BenchCommand.FileTransfer.class,
            BenchCommand.Startup.class, BenchCopyCommand.class, BenchDownloadCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "http", mixinStandardHelpOptions = true,
            description = "Serve a web-app route GET /route, an engine-level GET /hello, two static files and the 4 KiB "
                    + "file over TLS from weft (its default configuration and each --models) and every peer (Netty with 1 "
                    + "loop and its default, nginx with 1 and 2 workers), drive each with wrk in interleaved rounds, and "
                    + "report req/s, latency, errors, peak RSS and CPU with ratios to weft (default) and the best peer, "
                    + "and issue 21's goals.")
    static final class Http implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
                description = "wrk's run per server, load and round (default: ${DEFAULT-VALUE}).")
        Duration duration;

        @Option(names = "--connections", defaultValue = "64",
                description = "Keep-alive connections of a load that names none (default: ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--loads", split = ",", defaultValue = HttpBenchSettings.DEFAULT_LOADS, paramLabel = "ENDPOINT[@N]",
                description = {"Loads to run, each an endpoint with its connections: hello (the engine alone), route "
                        + "(the web app), static-4k, static-1m, https-4k (TLS 1.3; weft's default and nginx only); "
                        + "@N sets the connections (default: ${DEFAULT-VALUE})."})
        List<String> loads;

        @Option(names = "--servers", split = ",", defaultValue = "weft,jetty,undertow,netty,helidon,jdk,nginx",
                description = "Servers to compare (default: ${DEFAULT-VALUE}).")
        List<String> servers;

        @Option(names = "--models", split = ",", defaultValue = "virtual,thread,pool,event-loop,event-loop:1,processes",
                description = "weft's concurrency models to run besides its default, which always runs as weft (default) "
                        + "(default: ${DEFAULT-VALUE}).")
        List<String> models;

        @Option(names = "--rounds", defaultValue = "2", description = "Interleaved rounds; figures are medians (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--warmup", defaultValue = "5s", converter = OptionalDuration.class,
                description = "Warm-up per server and load, 0 for none (default: ${DEFAULT-VALUE}).")
        Duration warmup;

        @Option(names = "--idle-connections", defaultValue = "10000",
                description = "Idle keep-alive connections for memory per connection, 0 to skip (default: ${DEFAULT-VALUE}).")
        int idleConnections;

        @Option(names = "--out", defaultValue = "bench-results", description = "Folder for http.json and http.md (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            PrintWriter stdout = spec.commandLine().getOut();
            HttpBenchSettings settings = settings();
            HttpReport report = inWorkFolder("bench http",
                    work -> new HttpBench(settings, line -> print(stdout, line)).run(commandLine(spec), work));
            Path md = ReportWriter.write(report, out);
            stdout.println();
            stdout.print(ReportWriter.table(report));
            stdout.println("report: " + md + " and " + md.resolveSibling("http.json"));
            return ExitCode.OK.code();
        }

        HttpBenchSettings settings() {
            try {
                List<Peer> peers = servers.stream().map(Peer::parse).toList();
                List<String> others = models.stream().filter(m -> !m.isBlank()).toList(); // --models "": the default only
                others.forEach(Model::parse);
                return new HttpBenchSettings(duration, connections, peers, others, rounds, warmup,
                        HttpBenchSettings.parseLoads(loads, connections), idleConnections, out);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("bench http: " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "models", mixinStandardHelpOptions = true,
            description = "weft's echo and time services under each concurrency model: messages/s with 1, 64 and 1,000 clients.")
    static final class Models implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--duration", defaultValue = "5s", converter = DurationConverter.class,
                description = "Load per service, model and client count (default: ${DEFAULT-VALUE}).")
        Duration duration;

        @Option(names = "--models", split = ",", defaultValue = "thread,pool,virtual,event-loop,processes",
                description = "Models to run (default: ${DEFAULT-VALUE}).")
        List<String> models;

        @Option(names = "--clients", split = ",", defaultValue = "1,64,1000",
                description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
        List<Integer> clients;

        @Option(names = "--out", defaultValue = "bench-results", description = "Folder for models.json and models.md (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            try {
                models.forEach(Model::parse);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("bench models: " + e.getMessage(), e);
            }
            if (clients.stream().anyMatch(n -> n < 1 || n > 5000)) {
                throw new CommandFailure("bench models: --clients must be between 1 and 5000, not " + clients);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            ModelsBench.Report report = inWorkFolder("bench models", work -> new ModelsBench(models, clients, duration,
                    line -> print(stdout, line)).run(commandLine(spec), work));
            writeReport(stdout, out, "models", report, ModelsBench.markdown(report));
            return ExitCode.OK.code();
        }
    }

    @Command(name = "files", mixinStandardHelpOptions = true,
            description = "A large file over 127.0.0.1 with weft files (verified and raw protocols; in this JVM and as weft files get in "
                    + "its own) and with nc, in interleaved rounds: MB/s and the ratio to nc (goals: >= 0.9x verified, >= 1.0x raw).")
    static final class FileTransfer implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--size", defaultValue = "2g", paramLabel = "SIZE",
                description = "Size of the generated file, e.g. 512m, 2g (default: ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
                description = "Interleaved rounds; figures are medians (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--out", defaultValue = "bench-results", paramLabel = "DIR",
                description = "Folder for files.json and files.md (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            FilesBench bench;
            try {
                bench = new FilesBench(ServeCommand.size(size), rounds, line -> print(spec.commandLine().getOut(), line),
                        WeftProgram.sameClassPathOptimising("client", Main.class.getName()),
                        WeftProgram.sameClassPath("client", Main.class.getName()));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("bench files: " + e.getMessage(), e);
            }
            FilesBench.Report report = inWorkFolder("bench files", work -> bench.run(commandLine(spec), work));
            writeReport(spec.commandLine().getOut(), out, "files", report, FilesBench.markdown(report));
            return ExitCode.OK.code();
        }
    }

    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = "Time from launching each server to its first response to GET /hello (weft's target: 300 ms).")
    static final class Startup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--servers", split = ",", defaultValue = "weft,jetty,undertow,netty,helidon,jdk,nginx",
                description = "Servers to launch (default: ${DEFAULT-VALUE}).")
        List<String> servers;

        @Option(names = "--models", split = ",", defaultValue = "virtual", description = "weft's models (default: ${DEFAULT-VALUE}).")
        List<String> models;

        @Option(names = "--launches", defaultValue = "5", description = "Launches per server; the median is reported (default: ${DEFAULT-VALUE}).")
        int launches;

        @Option(names = "--out", defaultValue = "bench-results", description = "Folder for startup.json and startup.md (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            List<dev.weft.bench.Contender> contenders;
            StartupBench bench;
            try {
                models.forEach(Model::parse);
                contenders = new HttpBenchSettings(Duration.ofSeconds(1), 1, servers.stream().map(Peer::parse).toList(),
                        models, 1, Duration.ZERO, HttpBenchSettings.parseLoads(List.of("hello"), 1), 0, out).contenders();
                bench = new StartupBench(contenders, launches, line -> print(spec.commandLine().getOut(), line));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("bench startup: " + e.getMessage(), e);
            }
            StartupBench.Report report = inWorkFolder("bench startup", work -> bench.run(commandLine(spec), work));
            writeReport(spec.commandLine().getOut(), out, "startup", report, StartupBench.markdown(report));
            return ExitCode.OK.code();
        }
    }

    /** A benchmark step run in a temp folder, deleted afterwards unless it failed (its logs are kept then). */
    interface WorkStep<T> {
        T run(Path work) throws IOException, InterruptedException;
    }

    static <T> T inWorkFolder(String what, WorkStep<T> step) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("weft-bench-");
        T result;
        try {
            result = step.run(work);
        } catch (ToolMissingException e) {
            throw new CommandFailure(what + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandFailure(what + ": " + e.getMessage() + " (logs kept in " + work + ")", e);
        }
        deleteTree(work);
        return result;
    }

    static void writeReport(PrintWriter stdout, Path out, String name, Object report, String markdown) throws IOException {
        Files.createDirectories(out);
        ReportWriter.writeAtomically(out.resolve(name + ".json"), ReportWriter.JSON.writeValueAsString(report));
        ReportWriter.writeAtomically(out.resolve(name + ".md"), markdown);
        stdout.println("report: " + out.resolve(name + ".md") + " and " + out.resolve(name + ".json"));
    }

    static void print(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    /** A duration that may be zero ({@code 0} turns a step off). */
    static final class OptionalDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return value.trim().matches("0+(ms|s|m|h)?") ? Duration.ZERO : new DurationConverter().convert(value);
        }
    }

    /** The command as typed, for the report. */
    static String commandLine(CommandSpec spec) {
        picocli.CommandLine root = spec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return "weft " + String.join(" ", root.getParseResult() == null ? List.of() : root.getParseResult().originalArgs());
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp folder is harmless; say so rather than fail a finished benchmark
            org.slf4j.LoggerFactory.getLogger(BenchCommand.class).warn("could not delete {}: {}", dir, e.getMessage());
        }
    }
}
