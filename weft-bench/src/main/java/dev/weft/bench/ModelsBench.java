package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code weft bench models}: weft's echo and time services under each concurrency model, each server in its
 * own JVM, driven by {@link MessageLoad} with 1, 64 and 1,000 concurrent clients; messages per second.
 */
public final class ModelsBench {

    public static final List<String> SERVICES = List.of("echo", "time");

    /** One service under one model at one client count. */
    public record Row(String service, String model, int clients, double messagesPerSecond, long messages, long failures) {
    }

    public record Report(String command, String date, int cores, String jdk, List<String> jvmFlags, long durationSeconds,
                         List<Row> rows) {
    }

    private final List<String> models;
    private final List<Integer> clients;
    private final Duration duration;
    private final Consumer<String> progress;

    public ModelsBench(List<String> models, List<Integer> clients, Duration duration, Consumer<String> progress) {
        this.models = List.copyOf(models);
        this.clients = List.copyOf(clients);
        this.duration = duration;
        this.progress = progress;
    }

    public Report run(String command, Path work) throws IOException, InterruptedException {
        ServerLauncher launcher = new ServerLauncher(work, BenchSite.create(work), ServerClasspath.find());
        List<Row> rows = new ArrayList<>();
        for (String service : SERVICES) {
            for (String model : models) {
                Contender contender = Contender.weft(model);
                try (RunningServer server = launcher.start(contender, "dev.weft.bench.servers.ServiceBenchServer",
                        List.of("--model", model, "--service", service), ServerLauncher::accepts)) {
                    MessageLoad.run(server.port(), 8, Duration.ofSeconds(1));
                    for (int n : clients) {
                        MessageLoad.Result r = MessageLoad.run(server.port(), n, duration);
                        rows.add(new Row(service, model, n, r.messagesPerSecond(), r.messages(), r.failures()));
                        progress.accept(String.format(Locale.ROOT, "%-5s %-12s %5d clients %,12.0f msg/s  failures %d",
                                service, model, n, r.messagesPerSecond(), r.failures()));
                    }
                }
            }
        }
        return new Report(command, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"), JvmFlags.FLAGS,
                duration.toSeconds(), rows);
    }

    public static String markdown(Report report) {
        StringBuilder md = new StringBuilder("## weft bench models\n\nCommand: `" + report.command() + "`  \nDate: "
                + report.date() + "  \nMachine: " + report.cores() + " cores, JDK " + report.jdk()
                + "; servers run with `" + String.join(" ", report.jvmFlags()) + "`; the load generator (virtual-thread "
                + "clients, one line per round trip) shares the cores.\n\n"
                + "| service | model | clients | messages/s | failures |\n|---|---|--:|--:|--:|\n");
        for (Row r : report.rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f | %d |%n", r.service(), r.model(), r.clients(),
                    r.messagesPerSecond(), r.failures()));
        }
        return md.toString();
    }
}
