package dev.weft.tools.copy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;
import dev.weft.tools.progress.Tally;

/**
 * Runs a copy: {@link #copy} walks the source and copies at the same time; {@link #run} carries out a plan made
 * before. Both feed the same {@link CopyRun}, whose workers are platform threads: file system calls block the carrier
 * of a virtual thread anyway, so virtual threads would add scheduling without adding concurrency.
 */
public final class Copier {

    private static final Logger LOG = LoggerFactory.getLogger(Copier.class);

    private Copier() {
    }

    /**
     * Checks the source and target, then walks and copies, reporting to {@code display}; returns the report (failures
     * included, never thrown). An interrupt stops the walk and the workers between files (or inside a large one),
     * removes their temp files, moves staged directories into place as they are and ends with
     * {@link InterruptedException}; files already copied stay. A staged directory that could not be moved is a
     * suppressed exception of it.
     *
     * @throws CopyRefused when the source is missing, or the target is the source or lies inside it
     */
    public static Report copy(CopyOptions options, Progress display) throws InterruptedException {
        return execute(options, CopyPlan.walk(options), display);
    }

    /** Carries out {@code plan}, as {@link #copy} does. */
    public static Report run(CopyPlan plan, Progress display) throws InterruptedException {
        return execute(plan.options(), plan::replay, display);
    }

    private static Report execute(CopyOptions options, Consumer<Findings> walk, Progress display)
            throws InterruptedException {
        Tally tally = new Tally();
        Progress progress = tally.and(display);
        CopyRun run;
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("copy-", 0).daemon().factory())) {
            run = new CopyRun(options, progress, threads);
            try {
                walk.accept(run);
            } finally {
                run.walked();
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            InterruptedException interrupted = new InterruptedException("copy interrupted");
            run.placeStaged().forEach(interrupted::addSuppressed);
            throw interrupted;
        }
        run.finish();
        Report report = tally.report();
        LOG.debug("copy of {} finished: {}", options.source(), report);
        return report;
    }
}
