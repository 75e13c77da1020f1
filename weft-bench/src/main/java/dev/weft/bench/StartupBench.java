package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * {@code weft bench startup}: launches each server several times, one at a time, and measures from launching
 * its process to the first 200 answer to {@code GET /hello} (target for weft: 300 ms).
 */
public final class StartupBench {

    /** @param millis every launch, in order; {@code median} of them */
    public record Row(String server, List<Long> millis, long median) {
    }

    /** @param weftStart how weft's JVMs were started ({@link WeftJvm#describe()}) */
    public record Report(String command, int cores, String jdk, List<String> jvmFlags, String weftStart, List<Row> rows) {
    }

    private final List<Contender> contenders;
    private final int launches;
    private final Consumer<String> progress;

    public StartupBench(List<Contender> contenders, int launches, Consumer<String> progress) {
        if (launches < 1) {
            throw new IllegalArgumentException("launches must be at least 1, not " + launches);
        }
        this.contenders = List.copyOf(contenders);
        this.launches = launches;
        this.progress = progress;
    }

    public Report run(String command, Path work) throws IOException, InterruptedException {
        ServerLauncher launcher = new ServerLauncher(work, BenchSite.create(work), ServerClasspath.find());
        List<Row> rows = new ArrayList<>();
        for (Contender contender : contenders) {
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < launches; i++) {
                try (RunningServer server = launcher.start(contender)) {
                    millis.add(server.startupMillis());
                }
            }
            long median = LongStream.of(millis.stream().mapToLong(Long::longValue).sorted().toArray()).skip(launches / 2)
                    .findFirst().orElseThrow();
            rows.add(new Row(contender.name(), List.copyOf(millis), median));
            progress.accept(String.format(Locale.ROOT, "%-18s median %5d ms  %s", contender.name(), median, millis));
        }
        return new Report(command, Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"),
                JvmFlags.FLAGS, WeftJvm.current().describe(), rows);
    }

    public static String markdown(Report report) {
        StringBuilder md = new StringBuilder("## weft bench startup\n\nCommand: `" + report.command() + "`  \nMachine: "
                + report.cores() + " cores, JDK " + report.jdk() + "; Java servers run with `"
                + String.join(" ", report.jvmFlags()) + "`. Time from launching the process to the first 200 response to "
                + "GET /hello (target for weft: <= 300 ms). " + report.weftStart() + "\n\n| server | median ms | launches (ms) |\n|---|--:|---|\n");
        for (Row r : report.rows()) {
            md.append("| ").append(r.server()).append(" | ").append(r.median()).append(" | ").append(r.millis()).append(" |\n");
        }
        return md.toString();
    }
}
