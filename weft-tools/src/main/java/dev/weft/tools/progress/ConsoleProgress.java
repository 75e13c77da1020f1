package dev.weft.tools.progress;

import java.io.PrintWriter;

import me.tongfei.progressbar.ProgressBar;

/**
 * What a person sees while a tool runs. On a terminal: one progress bar (bytes, rate, ETA, items done) on stderr,
 * plus a line per finished item when asked for (the downloader's "saved x"). Otherwise nothing until the end, where the
 * command prints the report's one-line summary: logs and pipes get no carriage-return noise.
 */
public final class ConsoleProgress implements Progress, AutoCloseable {

    private static final String CLEAR_LINE = "\r\033[K";

    private final Tally tally = new Tally();
    private final PrintWriter out;
    private final boolean listItems;
    private final ProgressBar bar;
    private boolean closed;

    private ConsoleProgress(PrintWriter out, boolean listItems, ProgressBar bar) {
        this.out = out;
        this.listItems = listItems;
        this.bar = bar;
    }

    /**
     * A display for a task called {@code task} ("copy", "download"): with a bar when {@code terminal}, listing each
     * finished item on {@code out} when {@code listItems}.
     */
    public static ConsoleProgress open(String task, PrintWriter out, boolean terminal, boolean listItems) {
        ProgressBar bar = terminal
                ? ProgressLine.bar(task).setInitialMax(0).build()
                : null;
        return new ConsoleProgress(out, listItems, bar);
    }

    @Override
    public void planned(long items, long bytes) {
        tally.planned(items, bytes);
        if (bar != null) {
            bar.maxHint(tally.plannedBytes());
            showCounts();
        }
    }

    @Override
    public void transferred(long bytes) {
        tally.transferred(bytes);
        if (bar != null) {
            bar.stepBy(bytes);
        }
    }

    @Override
    public void finished(Outcome outcome) {
        tally.finished(outcome);
        if (bar != null) {
            showCounts();
        }
        if (listItems) {
            String line = switch (outcome.status()) {
                case DONE -> outcome.item() + " (" + Sizes.bytes(outcome.bytes()) + ")";
                case SKIPPED -> outcome.item() + ": skipped, " + outcome.reason();
                case FAILED -> outcome.item() + ": failed, " + outcome.reason();
            };
            synchronized (out) {
                out.println(bar != null ? CLEAR_LINE + line : line);
                out.flush();
            }
        }
    }

    /**
     * Ends the display: closes the bar, prints each failure with its reason on {@code err} and the one-line summary
     * ("copied 120 files ...") on the display's output.
     */
    public void conclude(Report report, String verb, PrintWriter err) {
        close();
        for (Outcome failure : report.failures()) {
            err.println("failed: " + failure.item() + ": " + failure.reason());
        }
        err.flush();
        out.println(report.summary(verb));
        out.flush();
    }

    private void showCounts() {
        bar.setExtraMessage(tally.finishedItems() + "/" + tally.plannedItems() + " files");
    }

    @Override
    public void close() {
        if (bar != null && !closed) {
            closed = true;
            bar.close();
        }
    }
}
