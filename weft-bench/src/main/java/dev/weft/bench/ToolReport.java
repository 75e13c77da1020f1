package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result of {@code weft bench copy} or {@code weft bench download}: per workload and program the wall-clock time
 * of every round, the median, the rates and how many times faster weft is; then the goals. Serialised to
 * JSON as is, and rendered as Markdown and as a console table. {@code weftStartupSeconds} is the median time of
 * {@code weft --version}, the JVM start-up inside every weft time; the tables also show the ratio without it.
 */
public record ToolReport(String bench, String command, String date, Machine machine, List<String> notes,
                         double weftStartupSeconds, List<Row> rows, List<Goal> goals) {

    public record Machine(int cores, String cpu, String os, String jdk, long memoryMiB) {

        static Machine here() {
            return new Machine(Runtime.getRuntime().availableProcessors(), HttpBench.cpuModel(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), memTotalMiB());
        }

        private static long memTotalMiB() {
            try {
                return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                        .map(l -> Long.parseLong(l.replaceAll("\\D+", "")) / 1024).findFirst().orElse(-1L);
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
        }
    }

    /**
     * @param seconds     every round's time, in order
     * @param weftSpeedup this program's median time over weft's (above 1: weft is faster); null without a weft row
     */
    public record Row(String workload, String tool, String version, long files, long bytes, List<Double> seconds,
                      double medianSeconds, double filesPerSecond, double mibPerSecond, Double weftSpeedup) {
    }

    /** @param met null when a program it needs was not there */
    public record Goal(String name, String goal, String measured, Boolean met) {
    }

    /**
     * The goal "weft is at least {@code factor} times as fast as {@code peer} on {@code workload}", judged from the
     * medians in {@code rows}, weft's JVM start-up ({@code startupSeconds}) included; the ratio without it is quoted.
     */
    public static Goal goal(List<Row> rows, String workload, String peer, double factor, String wording,
                            double startupSeconds) {
        return goal(rows, workload, ToolContender.WEFT, peer, factor, wording, startupSeconds);
    }

    /** {@link #goal(List, String, String, double, String, double)} for weft's row named {@code ours}. */
    public static Goal goal(List<Row> rows, String workload, String ours, String peer, double factor, String wording,
                            double startupSeconds) {
        Optional<Row> weft = find(rows, workload, ours);
        Optional<Row> other = find(rows, workload, peer);
        String name = workload + (ours.equals(ToolContender.WEFT) ? "" : ", " + ours) + " vs " + peer;
        if (weft.isEmpty() || other.isEmpty()) {
            return new Goal(name, wording, (weft.isEmpty() ? ours : peer) + " did not run", null);
        }
        double speedup = other.get().medianSeconds() / weft.get().medianSeconds();
        double work = weft.get().medianSeconds() - startupSeconds;
        String measured = String.format(Locale.ROOT, "%s %.2f s, %s %.2f s: %s %.2fx as fast", ours, weft.get().medianSeconds(),
                peer, other.get().medianSeconds(), ours, speedup) + (work <= 0 ? "" : String.format(Locale.ROOT,
                " (%.2fx without its %.2f s JVM start-up)", other.get().medianSeconds() / work, startupSeconds));
        return new Goal(name, wording, measured, speedup >= factor);
    }

    private static Optional<Row> find(List<Row> rows, String workload, String tool) {
        return rows.stream().filter(r -> r.workload().equals(workload) && r.tool().equals(tool)).findFirst();
    }

    /** The results for a terminal. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %-22s %8s %10s %9s %11s %9s %7s %9s%n",
                "workload", "tool", "files", "MiB", "median s", "files/s", "MiB/s", "weft x", "-startup"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-22s %-22s %,8d %,10.1f %9.3f %,11.0f %,9.1f %7s %9s%n", r.workload(), r.tool(),
                    r.files(), r.bytes() / 1048576.0, r.medianSeconds(), r.filesPerSecond(), r.mibPerSecond(), ratio(r.weftSpeedup()),
                    ratio(speedupWithoutStartup(r))));
        }
        for (Goal g : goals) {
            out.append(String.format(Locale.ROOT, "goal: %-30s %-38s %s  %s%n", g.name(), g.goal(), g.measured(), verdict(g.met())));
        }
        return out.toString();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("## weft bench " + bench + "\n\n");
        md.append("Command: `").append(command).append("`  \nDate: ").append(date).append("  \n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores (%s), %,d MiB RAM, %s; JDK %s.%n%n", machine.cores(),
                machine.cpu(), machine.memoryMiB(), machine.os(), machine.jdk()));
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("\n| workload | tool | version | files | MiB | median s | rounds (s) | files/s | MiB/s | weft x as fast | "
                        + "same, weft's JVM start-up excluded |\n")
                .append("|---|---|---|--:|--:|--:|---|--:|--:|--:|--:|\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,.1f | %.3f | %s | %,.0f | %,.1f | %s | %s |%n", r.workload(),
                    r.tool(), r.version(), r.files(), r.bytes() / 1048576.0, r.medianSeconds(), rounds(r.seconds()),
                    r.filesPerSecond(), r.mibPerSecond(), ratio(r.weftSpeedup()), ratio(speedupWithoutStartup(r))));
        }
        md.append("\n| goal | wanted | measured | met |\n|---|---|---|---|\n");
        for (Goal g : goals) {
            md.append("| ").append(g.name()).append(" | ").append(g.goal()).append(" | ").append(g.measured())
                    .append(" | ").append(verdict(g.met())).append(" |\n");
        }
        return md.toString();
    }

    /**
     * How many times faster weft would be than this row's program if its JVM started in no time: this row's median
     * over weft's median less {@link #weftStartupSeconds}. Null for weft's own rows and when that leaves nothing.
     */
    Double speedupWithoutStartup(Row row) {
        Optional<Row> weft = find(rows, row.workload(), ToolContender.WEFT);
        if (weft.isEmpty() || row.tool().startsWith(ToolContender.WEFT)
                || weft.get().medianSeconds() <= weftStartupSeconds) {
            return null;
        }
        return row.medianSeconds() / (weft.get().medianSeconds() - weftStartupSeconds);
    }

    private static String rounds(List<Double> seconds) {
        return String.join(", ", seconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s)).toList());
    }

    private static String ratio(Double r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.2f", r);
    }

    private static String verdict(Boolean met) {
        return met == null ? "not measured" : met ? "yes" : "NO";
    }
}
