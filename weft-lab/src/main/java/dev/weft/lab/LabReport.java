package dev.weft.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code weft lab all}: every experiment run once with its {@link Experiment#quick} options, gathered into one report,
 * as Markdown for people and JSON for scripts. An experiment that fails is recorded as a failure and the rest still
 * run. JSON keys (stable): {@code report}, {@code formatVersion}, {@code startedAt}, {@code cores}, {@code java},
 * {@code seconds}, {@code experiments} (each a {@link ResultJson} object plus {@code seconds}) and {@code failures}
 * (each {@code experiment} and {@code error}).
 */
public final class LabReport {

    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One experiment's outcome: its result and time, or the error that stopped it. */
    public record Entry(Experiment experiment, Result result, double seconds, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    private final Instant startedAt;
    private final List<Entry> entries;
    private final double seconds;

    private LabReport(Instant startedAt, List<Entry> entries, double seconds) {
        this.startedAt = startedAt;
        this.entries = List.copyOf(entries);
        this.seconds = seconds;
    }

    /** Runs the experiments one after another; {@code progress} hears about each as it ends. */
    public static LabReport run(List<Experiment> experiments, Consumer<Entry> progress) throws InterruptedException {
        Instant started = Instant.now();
        long began = System.nanoTime();
        List<Entry> entries = new ArrayList<>();
        for (Experiment experiment : experiments) {
            long at = System.nanoTime();
            Entry entry;
            try {
                Result result = experiment.run(experiment.quick());
                entry = new Entry(experiment, result, (System.nanoTime() - at) / 1e9, null);
            } catch (LabFailure | dev.weft.lab.processes.ProcessException | IllegalArgumentException | IllegalStateException e) {
                entry = new Entry(experiment, null, (System.nanoTime() - at) / 1e9, e.getMessage());
            }
            entries.add(entry);
            progress.accept(entry);
        }
        return new LabReport(started, entries, (System.nanoTime() - began) / 1e9);
    }

    public List<Entry> entries() {
        return entries;
    }

    public long failures() {
        return entries.stream().filter(Entry::failed).count();
    }

    /** The report as JSON, with the keys listed in the class comment. */
    public String json() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("report", "weft lab all");
        report.put("formatVersion", FORMAT_VERSION);
        report.put("startedAt", startedAt.toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("java", Runtime.version().toString());
        report.put("seconds", Figure.round(seconds));
        List<Map<String, Object>> results = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.failed()) {
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("experiment", entry.experiment().name());
                failure.put("error", entry.error());
                failures.add(failure);
            } else {
                Map<String, Object> object = ResultJson.object(entry.result());
                object.put("seconds", Figure.round(entry.seconds()));
                results.add(object);
            }
        }
        report.put("experiments", results);
        report.put("failures", failures);
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new LabFailure("cannot write the lab report as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The report as Markdown: a summary table, then each experiment's lesson, setup, figures and explanation. */
    public String markdown() {
        StringBuilder out = new StringBuilder("# weft lab all\n\n");
        out.append(String.format(Locale.ROOT, "Started %s on %d cores, Java %s; %d experiments in %.1f s, %d failed.%n%n",
                startedAt, Runtime.getRuntime().availableProcessors(), Runtime.version(), entries.size(), seconds, failures()));
        out.append("Timings depend on the machine and whatever else runs on it.\n\n");
        out.append("| experiment | seed lesson | seconds | outcome |\n|---|---|---|---|\n");
        for (Entry entry : entries) {
            out.append("| ").append(entry.experiment().name()).append(" | ").append(cell(entry.experiment().lesson()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", entry.seconds())).append(" | ")
                    .append(entry.failed() ? "failed: " + cell(entry.error()) : cell(entry.result().explanation().getFirst()))
                    .append(" |\n");
        }
        for (Entry entry : entries) {
            out.append("\n## ").append(entry.experiment().name()).append("\n\n");
            out.append("Seed lesson: ").append(entry.experiment().lesson()).append("\n\n");
            if (entry.failed()) {
                out.append("Failed: ").append(entry.error()).append("\n");
                continue;
            }
            Result result = entry.result();
            out.append("Setup: ").append(result.setup()).append("\n\n| figure | key | value |\n|---|---|---|\n");
            for (Figure f : result.figures()) {
                out.append("| ").append(cell(f.label())).append(" | `").append(f.key()).append("` | ").append(cell(f.display())).append(" |\n");
            }
            out.append('\n');
            result.explanation().forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Writes {@code lab-report.md} and {@code lab-report.json} into {@code folder}, each whole or not at all. */
    public List<Path> write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path md = folder.resolve("lab-report.md");
        Path json = folder.resolve("lab-report.json");
        atomically(md, markdown());
        atomically(json, json());
        return List.of(md, json);
    }

    private static void atomically(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".lab-report", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
