package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Times command-line programs on the same inputs in interleaved rounds: in each round every workload is run by every
 * program, the order rotating from round to round, so drift (page cache, write-back, other load on the machine)
 * spreads over all of them. Before each run {@code sync} flushes the previous run's writes, outside the timing; after
 * it the destination must hold exactly the input's files and bytes. Every run writes to a new destination, and the
 * copies are deleted only after the last run when the disk has room for them all: deleting thousands of files makes
 * ext4 skip their inodes for a minute or more when it allocates new ones, which slowed whichever program ran next by
 * up to ten times. Without the room, each copy is deleted (untimed) right after its run.
 */
final class InterleavedRounds {

    /** A named input and what a correct result holds. */
    record Workload(String name, Path input, TreeStats expected) {
    }

    private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

    private final List<ToolContender> contenders;
    private final int rounds;
    private final Consumer<String> progress;

    InterleavedRounds(List<ToolContender> contenders, int rounds, Consumer<String> progress) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
        }
        this.contenders = List.copyOf(contenders);
        this.rounds = rounds;
        this.progress = progress;
    }

    List<ToolReport.Row> run(List<Workload> workloads, Path work) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(work.resolve("logs"));
        boolean keep = keepsAllCopies(workloads, work);
        List<Path> kept = new ArrayList<>();
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        try {
            for (int round = 0; round < rounds; round++) {
                for (Workload workload : workloads) {
                    for (int i = 0; i < contenders.size(); i++) {
                        ToolContender contender = contenders.get((i + round) % contenders.size());
                        Path destination = work.resolve("destination-" + kept.size());
                        kept.add(destination);
                        double taken = once(workload, contender, destination, logs.resolve(contender.logName()));
                        if (!keep) {
                            TreeStats.delete(destination);
                        }
                        seconds.computeIfAbsent(key(workload, contender), k -> new ArrayList<>()).add(taken);
                        progress.accept(String.format(Locale.ROOT, "round %d/%d  %-22s %-22s %8.3f s", round + 1, rounds,
                                workload.name(), contender.name(), taken));
                    }
                }
            }
        } finally {
            for (Path destination : kept) {
                TreeStats.delete(destination);
            }
        }
        return rows(workloads, seconds);
    }

    /** Whether every run's copy fits on the disk at once, with a quarter of the free space to spare. */
    private boolean keepsAllCopies(List<Workload> workloads, Path work) throws IOException {
        long bytes = workloads.stream().mapToLong(w -> w.expected().bytes()).sum() * contenders.size() * rounds;
        return bytes < Files.getFileStore(work).getUsableSpace() * 3 / 4;
    }

    private double once(Workload workload, ToolContender contender, Path destination, Path log)
            throws IOException, InterruptedException {
        TimedRun.nanos(List.of("sync"), log, RUN_LIMIT);
        long nanos = TimedRun.nanos(contender.command().apply(workload.input(), destination), log, RUN_LIMIT);
        TreeStats made = TreeStats.of(destination);
        if (!made.equals(workload.expected())) {
            throw new IOException(String.format(Locale.ROOT, "%s made %d files of %d bytes in all for '%s', expected %d files of %d bytes",
                    contender.name(), made.files(), made.bytes(), workload.name(), workload.expected().files(),
                    workload.expected().bytes()));
        }
        return nanos / 1e9;
    }

    private List<ToolReport.Row> rows(List<Workload> workloads, Map<String, List<Double>> seconds) {
        List<ToolReport.Row> rows = new ArrayList<>();
        for (Workload workload : workloads) {
            Double weft = contenders.stream().filter(ToolContender::isWeft).findFirst()
                    .map(c -> median(seconds.get(key(workload, c)))).orElse(null);
            for (ToolContender contender : contenders) {
                List<Double> times = seconds.get(key(workload, contender));
                double median = median(times);
                TreeStats size = workload.expected();
                rows.add(new ToolReport.Row(workload.name(), contender.name(), contender.version(), size.files(), size.bytes(),
                        List.copyOf(times), median, size.files() / median, size.bytes() / 1048576.0 / median,
                        weft == null ? null : median / weft));
            }
        }
        return rows;
    }

    private static String key(Workload workload, ToolContender contender) {
        return workload.name() + "\n" + contender.name();
    }

    /** The median; the mean of the middle two for an even count. */
    /** Refuses a bench size outside {@code [min, max]}, naming the option and the bad value. */
    static void requireBetween(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
