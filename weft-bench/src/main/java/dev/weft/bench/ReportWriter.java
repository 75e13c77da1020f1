package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes an {@link HttpReport} as a console table, as Markdown and as JSON. Files are written to a temp
 * file beside the target and moved into place, so a report is never half-written.
 */
public final class ReportWriter {

    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Writes {@code http.json} and {@code http.md} into {@code dir}; returns the Markdown file. */
    public static Path write(HttpReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve("http.json"), JSON.writeValueAsString(report));
        Path md = dir.resolve("http.md");
        writeAtomically(md, markdown(report));
        return md;
    }

    public static void writeAtomically(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The results table for a terminal. */
    public static String table(HttpReport report) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-24s %-18s %6s %11s %8s %8s %9s %6s %8s %6s %7s %7s%n",
                "server", "load", "conns", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "RSS MiB", "CPU s", "x weft", "x peer"));
        for (HttpReport.Result r : report.results()) {
            out.append(String.format(Locale.ROOT, "%-24s %-18s %6d %,11.0f %8.2f %8.2f %9.1f %6d %8.1f %6.1f %7s %7s%n",
                    r.server(), r.load(), r.connections(), r.rps(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.errors(),
                    r.rssKiB() / 1024.0, r.cpuSeconds(), ratio(r.vsWeft()), ratio(r.vsBestPeer())));
        }
        for (HttpReport.IdleResult i : report.idle()) {
            out.append(String.format(Locale.ROOT, "idle: %-24s %,6d/%,d connections  %6.1f KiB each%s%n", i.server(),
                    i.opened(), i.asked(), i.kibPerConnection(), i.error() == null ? "" : "  (" + i.error() + ")"));
        }
        for (HttpReport.Target t : report.targets()) {
            out.append(String.format(Locale.ROOT, "target: %-45s %-4s goal %s; measured %s%n", t.name(), verdict(t.met()),
                    t.goal(), t.measured()));
        }
        return out.toString();
    }

    public static String markdown(HttpReport report) {
        HttpReport.Machine m = report.machine();
        StringBuilder md = new StringBuilder("## weft bench http\n\n");
        md.append("Command: `").append(report.command()).append("`  \nDate: ").append(report.date()).append("\n\n");
        md.append("Machine: ").append(m.cores()).append(" cores (").append(m.cpu()).append("), ").append(m.os())
                .append("; JDK ").append(m.jdk()).append("; ").append(m.wrk()).append("; nginx ").append(m.nginx()).append(".  \n");
        md.append("Versions: ");
        m.versions().forEach((k, v) -> md.append(k).append(' ').append(v).append("; "));
        md.append("\n\nJava servers' JVM flags (all the same): `").append(String.join(" ", report.jvmFlags())).append("`\n\n");
        report.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("\n### Throughput and latency (medians over rounds)\n\n")
                .append("| server | load | conns | req/s | p50 ms | p99 ms | max ms | errors | peak RSS MiB | CPU s | x weft (default) | x best peer |\n")
                .append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (HttpReport.Result r : report.results()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %,.0f | %.2f | %.2f | %.1f | %d | %.1f | %.1f | %s | %s |%n",
                    r.server(), r.load(), r.connections(), r.rps(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.errors(),
                    r.rssKiB() / 1024.0, r.cpuSeconds(), ratio(r.vsWeft()), ratio(r.vsBestPeer())));
        }
        md.append("\n### Resident memory under load (the largest over all loads)\n\n| server | peak RSS MiB | under |\n|---|--:|---|\n");
        for (HttpReport.Result r : peakMemory(report)) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %s -c%d |%n", r.server(), r.rssKiB() / 1024.0, r.load(), r.connections()));
        }
        if (!report.idle().isEmpty()) {
            md.append("\n### Idle keep-alive connections\n\n| server | opened | RSS before MiB | RSS after MiB | KiB per connection | note |\n|---|--:|--:|--:|--:|---|\n");
            for (HttpReport.IdleResult i : report.idle()) {
                md.append(String.format(Locale.ROOT, "| %s | %,d / %,d | %.1f | %.1f | %.1f | %s |%n", i.server(), i.opened(), i.asked(),
                        i.rssBeforeKiB() / 1024.0, i.rssAfterKiB() / 1024.0, i.kibPerConnection(), i.error() == null ? "" : i.error()));
            }
        }
        md.append("\n### Targets (weft (default) against each peer's best configuration in the run)\n\n")
                .append("| target | goal | measured | met |\n|---|---|---|---|\n");
        for (HttpReport.Target t : report.targets()) {
            md.append("| ").append(t.name()).append(" | ").append(t.goal()).append(" | ").append(t.measured())
                    .append(" | ").append(verdict(t.met())).append(" |\n");
        }
        md.append("\n### Servers: start-up and configuration\n\n");
        for (HttpReport.ServerInfo s : report.servers()) {
            md.append("**").append(s.server()).append("**: first response ").append(s.startupMillis()).append(" ms after launch\n\n```\n");
            s.config().forEach(line -> md.append(line).append('\n'));
            md.append("```\n\n");
        }
        return md.toString();
    }

    /** Each server's row with the most resident memory, in the order the servers ran. */
    static List<HttpReport.Result> peakMemory(HttpReport report) {
        Map<String, HttpReport.Result> most = new LinkedHashMap<>();
        for (HttpReport.Result r : report.results()) {
            most.merge(r.server(), r, (a, b) -> b.rssKiB() > a.rssKiB() ? b : a);
        }
        return List.copyOf(most.values());
    }

    static String ratio(Double r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.2f", r);
    }

    static String verdict(Boolean met) {
        return met == null ? "not measured" : met ? "yes" : "NO";
    }
}
