package dev.weft.tools.copy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;
import dev.weft.tools.progress.Tally;

/**
 * Runs a {@link CopyPlan}: creates the directories, lets two lanes of workers pull files from their
 * queues (largest first, so the longest copies start early and the end is not one big file copied alone), then makes
 * the links and finally sets directory metadata, deepest first, because writing into a directory changes its time.
 * The seeds' process pool and completion queue become the lanes and the {@link Progress} listener.
 */
public final class Copier {

    private static final Logger LOG = LoggerFactory.getLogger(Copier.class);
    private static final int SMALL_BATCH = 128;

    private Copier() {
    }

    /** Scans and copies, reporting to {@code display}; returns the report (failures included, never thrown). */
    public static Report copy(CopyOptions options, Progress display) throws InterruptedException {
        return run(CopyPlan.scan(options), display);
    }

    /**
     * Runs {@code plan}. An interrupt stops the workers between files (or inside a large one), removes their temp
     * files and ends with {@link InterruptedException}; files already moved into place stay.
     */
    public static Report run(CopyPlan plan, Progress display) throws InterruptedException {
        Tally tally = new Tally();
        Progress progress = tally.and(display);
        progress.planned(plan.files().size() + plan.links().size() + plan.upToDate().size() + plan.problems().size(),
                plan.bytes());
        plan.problems().forEach(progress::finished);
        plan.upToDate().forEach(entry -> progress.finished(Outcome.skipped(entry.name(), entry.size(), "up to date")));
        makeDirectories(plan.directories(), progress);

        FileCopy copy = new FileCopy(plan.options(), progress);
        Workers workers = plan.options().workers();
        List<Future<?>> lanes = new ArrayList<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("copy-", 0).daemon().factory())) {
            lanes.addAll(lane(threads, batches(plan.files(), false), workers.small(), copy, progress));
            lanes.addAll(lane(threads, batches(plan.files(), true), workers.large(), copy, progress));
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("copy interrupted");
        }
        rethrowFailures(lanes);
        plan.links().forEach(link -> progress.finished(copy.link(link)));
        applyDirectoryMetadata(plan, progress);
        Report report = tally.report();
        LOG.debug("copy of {} finished: {}", plan.options().source(), report);
        return report;
    }

    /**
     * The files of one lane as batches for workers to take whole. Large files go one by one, largest first. Small files
     * go in batches of one directory's files (split when a directory is big), so that workers create files in
     * different directories and do not queue on one directory's lock in the kernel.
     */
    private static Queue<List<Entry>> batches(List<Entry> files, boolean large) {
        Queue<List<Entry>> queue = new ConcurrentLinkedQueue<>();
        if (large) {
            files.stream()
                    .filter(file -> file.size() >= Workers.LARGE_FILE)
                    .sorted(Comparator.comparingLong(Entry::size).reversed())
                    .forEach(file -> queue.add(List.of(file)));
            return queue;
        }
        Map<Path, List<Entry>> byDirectory = new LinkedHashMap<>();
        for (Entry file : files) {
            if (file.size() < Workers.LARGE_FILE) {
                byDirectory.computeIfAbsent(file.to().getParent(), directory -> new ArrayList<>()).add(file);
            }
        }
        for (List<Entry> directory : byDirectory.values()) {
            for (int from = 0; from < directory.size(); from += SMALL_BATCH) {
                queue.add(directory.subList(from, Math.min(directory.size(), from + SMALL_BATCH)));
            }
        }
        return queue;
    }

    /**
     * Starts up to {@code size} workers on platform threads: file system calls block the carrier of a virtual thread
     * anyway, so virtual threads would add scheduling without adding concurrency.
     */
    private static List<Future<?>> lane(ExecutorService threads, Queue<List<Entry>> queue, int size, FileCopy copy,
                                        Progress progress) {
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(size, queue.size()); i++) {
            workers.add(threads.submit(() -> {
                List<Entry> batch;
                while (!Thread.currentThread().isInterrupted() && (batch = queue.poll()) != null) {
                    for (Entry file : batch) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        progress.finished(copy.file(file));
                    }
                }
            }));
        }
        return workers;
    }

    /** A worker that died of a bug (not a file failure, those are outcomes) must not pass silently. */
    private static void rethrowFailures(List<Future<?>> lanes) throws InterruptedException {
        for (Future<?> lane : lanes) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("copy worker failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private static void makeDirectories(List<Entry> directories, Progress progress) {
        for (Entry directory : directories) {
            try {
                Files.createDirectories(directory.to());
            } catch (IOException e) {
                progress.planned(1, 0);
                progress.finished(Outcome.failed(directory.name(), e));
            }
        }
    }

    private static void applyDirectoryMetadata(CopyPlan plan, Progress progress) {
        List<Entry> deepestFirst = plan.directories().reversed();
        for (Entry directory : deepestFirst) {
            try {
                if (Files.isDirectory(directory.to())) {
                    Metadata.apply(directory, directory.to(), plan.options().preserve());
                }
            } catch (IOException e) {
                progress.planned(1, 0);
                progress.finished(Outcome.failed(directory.name(), e));
            }
        }
    }
}
