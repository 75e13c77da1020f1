package dev.weft.tools.copy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.nio.file.Files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;
import dev.weft.tools.progress.Tally;

/**
 * Runs a {@link CopyPlan}: creates the directories, lets two lanes of virtual-thread workers pull files from their
 * queues (largest first, so the longest copies start early and the end is not one big file copied alone), then makes
 * the links and finally sets directory metadata, deepest first, because writing into a directory changes its time.
 * The seeds' process pool and completion queue become the lanes and the {@link Progress} listener.
 */
public final class Copier {

    private static final Logger LOG = LoggerFactory.getLogger(Copier.class);

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
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("copy-", 0).factory())) {
            lanes.addAll(lane(threads, queue(plan.files(), false), workers.small(), copy, progress));
            lanes.addAll(lane(threads, queue(plan.files(), true), workers.large(), copy, progress));
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

    private static Queue<Entry> queue(List<Entry> files, boolean large) {
        Queue<Entry> queue = new ConcurrentLinkedQueue<>();
        files.stream()
                .filter(file -> (file.size() >= Workers.LARGE_FILE) == large)
                .sorted(Comparator.comparingLong(Entry::size).reversed())
                .forEach(queue::add);
        return queue;
    }

    private static List<Future<?>> lane(ExecutorService threads, Queue<Entry> queue, int size, FileCopy copy,
                                        Progress progress) {
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(size, queue.size()); i++) {
            workers.add(threads.submit(() -> {
                Entry file;
                while (!Thread.currentThread().isInterrupted() && (file = queue.poll()) != null) {
                    progress.finished(copy.file(file));
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
                    Metadata.apply(directory.from(), directory.modified(), directory.to(), plan.options().preserve());
                }
            } catch (IOException e) {
                progress.planned(1, 0);
                progress.finished(Outcome.failed(directory.name(), e));
            }
        }
    }
}
