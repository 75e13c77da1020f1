package dev.weft.tools.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the workers report, lock-free, and turns it into the final {@link Report}. Every tool keeps one, so the
 * report is right whatever display is attached; displays read it too.
 */
public final class Tally implements Progress {

    private final long startNanos = System.nanoTime();
    private final AtomicLong plannedItems = new AtomicLong();
    private final AtomicLong plannedBytes = new AtomicLong();
    private final AtomicLong transferred = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong doneBytes = new AtomicLong();
    private final ConcurrentLinkedQueue<Outcome> failures = new ConcurrentLinkedQueue<>();

    @Override
    public void planned(long items, long bytes) {
        plannedItems.addAndGet(items);
        plannedBytes.addAndGet(bytes);
    }

    @Override
    public void transferred(long bytes) {
        transferred.addAndGet(bytes);
    }

    @Override
    public void finished(Outcome outcome) {
        switch (outcome.status()) {
            case DONE -> {
                done.incrementAndGet();
                doneBytes.addAndGet(outcome.bytes());
            }
            case SKIPPED -> skipped.incrementAndGet();
            case FAILED -> failures.add(outcome);
        }
    }

    public long plannedItems() {
        return plannedItems.get();
    }

    public long plannedBytes() {
        return plannedBytes.get();
    }

    public long transferred() {
        return transferred.get();
    }

    /** Items that reached an end so far, whatever the end. */
    public long finishedItems() {
        return done.get() + skipped.get() + failures.size();
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public Report report() {
        List<Outcome> failed = new ArrayList<>(failures);
        failed.sort(Comparator.comparing(Outcome::item));
        return new Report(done.get(), skipped.get(), doneBytes.get(), failed, elapsed());
    }
}
