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

import dev.weft.bench.HttpBench;
import dev.weft.bench.HttpBenchSettings;
import dev.weft.bench.HttpReport;
import dev.weft.bench.Peer;
import dev.weft.bench.ReportWriter;
import dev.weft.bench.ToolMissingException;
import dev.weft.engine.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weft bench http|models|files|startup}: weft side by side with the servers people would pick instead. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on this machine, over 127.0.0.1: weft against Jetty, Undertow, Netty, Helidon, the JDK server and nginx.",
        subcommands = {BenchCommand.Http.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "http", mixinStandardHelpOptions = true,
            description = {"Serve GET /hello and two static files from every server, drive each with wrk in interleaved rounds,",
                    "and report req/s, latency, errors, RSS and CPU with ratios to weft (virtual) and the best peer."})
    static final class Http implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
                description = "wrk's run per server, load and round (default: ${DEFAULT-VALUE}).")
        Duration duration;

        @Option(names = "--connections", defaultValue = "64", description = "Keep-alive connections (default: ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--servers", split = ",", defaultValue = "weft,jetty,undertow,netty,helidon,jdk,nginx",
                description = "Servers to compare (default: ${DEFAULT-VALUE}).")
        List<String> servers;

        @Option(names = "--models", split = ",", defaultValue = "virtual,thread,pool,event-loop,processes",
                description = "weft's concurrency models to run (default: ${DEFAULT-VALUE}).")
        List<String> models;

        @Option(names = "--rounds", defaultValue = "3", description = "Interleaved rounds; figures are medians (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--warmup", defaultValue = "3s", converter = OptionalDuration.class,
                description = "Warm-up per server and load, 0 for none (default: ${DEFAULT-VALUE}).")
        Duration warmup;

        @Option(names = "--high-connections", defaultValue = "1000",
                description = "Connections of the high-concurrency round on the 4 KiB file, 0 to skip (default: ${DEFAULT-VALUE}).")
        int highConnections;

        @Option(names = "--idle-connections", defaultValue = "10000",
                description = "Idle keep-alive connections for memory per connection, 0 to skip (default: ${DEFAULT-VALUE}).")
        int idleConnections;

        @Option(names = "--out", defaultValue = "bench-results", description = "Folder for http.json and http.md (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            PrintWriter stdout = spec.commandLine().getOut();
            HttpBenchSettings settings = settings();
            Path work = Files.createTempDirectory("weft-bench-");
            HttpReport report;
            try {
                report = new HttpBench(settings, line -> {
                    stdout.println(line);
                    stdout.flush();
                }).run(commandLine(spec), work);
            } catch (ToolMissingException e) {
                throw new CommandFailure("bench http: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new CommandFailure("bench http: " + e.getMessage() + " (logs kept in " + work + ")", e);
            }
            deleteTree(work);
            Path md = ReportWriter.write(report, out);
            stdout.println();
            stdout.print(ReportWriter.table(report));
            stdout.println("report: " + md + " and " + md.resolveSibling("http.json"));
            return ExitCode.OK.code();
        }

        private HttpBenchSettings settings() {
            try {
                List<Peer> peers = servers.stream().map(Peer::parse).toList();
                models.forEach(Model::parse);
                return new HttpBenchSettings(duration, connections, peers, models, rounds, warmup, highConnections,
                        idleConnections, out);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("bench http: " + e.getMessage(), e);
            }
        }
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
