package dev.weft.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the workers of {@code --model processes:N} show up in one scrape. The kernel hands a scrape of
 * {@code /_weft/metrics} to any one worker (they share the port), so each worker writes its own figures, labelled
 * {@code worker="<pid>"}, to {@code <pid>.prom} in a folder private to its supervisor, once a second, and removes it when
 * it closes; the worker that answers a scrape adds the samples of every other worker still alive. Each series comes
 * from exactly one worker, so nothing is counted twice, and {@code sum by (route) (rate(...))} adds the workers up.
 * A worker that dies loses at most its last second, and its series end (Prometheus' rate() sees them stop, not reset).
 */
final class WorkerMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerMetrics.class);

    private final Path folder;
    private final long pid = ProcessHandle.current().pid();

    /** The folder shared by the workers of one supervisor: {@code dataDir/metrics/<supervisor pid>}. */
    WorkerMetrics(Path dataDir) {
        long supervisor = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
        this.folder = dataDir.resolve("metrics").resolve(Long.toString(supervisor));
    }

    /** Writes this worker's figures where its peers read them: a temp file, then an atomic move. */
    void publish(String text) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, pid + "-", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, folder.resolve(pid + ".prom"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, folder.resolve(pid + ".prom"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("cannot publish this worker's metrics in {}: {}", folder, e.toString());
        }
    }

    /** The last published figures of the other workers that are still running; files of dead ones are removed. */
    List<String> others() {
        List<String> texts = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return texts;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.prom")) {
            for (Path file : files) {
                long other = Long.parseLong(file.getFileName().toString().replace(".prom", ""));
                if (other == pid) {
                    continue;
                }
                if (ProcessHandle.of(other).map(ProcessHandle::isAlive).orElse(false)) {
                    texts.add(Files.readString(file, StandardCharsets.UTF_8));
                } else {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warn("cannot read the other workers' metrics in {}: {}", folder, e.toString());
        }
        return texts;
    }

    /** Removes this worker's file when it stops serving: a closed worker's series end. */
    void withdraw() {
        try {
            Files.deleteIfExists(folder.resolve(pid + ".prom"));
        } catch (IOException e) {
            LOG.debug("cannot remove this worker's metrics file: {}", e.toString());
        }
    }

    /**
     * {@code own} (a whole text exposition) with the samples of {@code others} (expositions of the same metric
     * families) added under each family's HELP and TYPE lines, which the text format allows only once per family.
     */
    static String merge(String own, List<String> others) {
        Map<String, StringBuilder> families = families(own);
        for (String other : others) {
            families(other).forEach((name, lines) -> {
                StringBuilder family = families.get(name);
                if (family == null) {
                    // a family this worker has no sample of yet (a counter before its first request)
                    families.put(name, lines);
                } else {
                    lines.toString().lines().filter(line -> !line.startsWith("#"))
                            .forEach(line -> family.append(line).append('\n'));
                }
            });
        }
        StringBuilder merged = new StringBuilder(own.length() * (others.size() + 1));
        families.values().forEach(merged::append);
        return merged.toString();
    }

    /** The text split into families, each keyed by the name in its {@code # HELP} line. */
    private static Map<String, StringBuilder> families(String text) {
        Map<String, StringBuilder> families = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String name = line.substring(7).split(" ", 2)[0];
                current = families.computeIfAbsent(name, n -> new StringBuilder());
            }
            if (current == null) {
                continue;
            }
            current.append(line).append('\n');
        }
        return families;
    }
}
