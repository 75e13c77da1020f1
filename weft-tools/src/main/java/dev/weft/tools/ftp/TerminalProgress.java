package dev.weft.tools.ftp;

import java.time.Duration;

import dev.weft.tools.progress.ProgressLine;
import me.tongfei.progressbar.ProgressBar;

/**
 * A progress bar on the terminal's stderr: one bar per file, or one bar for a whole mirror's bytes.
 * Used only when a person is watching ({@link dev.weft.tools.progress.InteractiveConsole#present()}).
 */
public final class TerminalProgress implements TransferListener, AutoCloseable {

    private final boolean perFile;
    private ProgressBar bar;

    private TerminalProgress(boolean perFile, ProgressBar bar) {
        this.perFile = perFile;
        this.bar = bar;
    }

    /** A new bar for each file transferred. */
    public static TerminalProgress perFile() {
        return new TerminalProgress(true, null);
    }

    /** One bar for total bytes over many files (thread-safe). */
    public static TerminalProgress total(String task, long totalBytes) {
        return new TerminalProgress(false, bar(task, 0, totalBytes));
    }

    @Override
    public synchronized void started(String name, long offset, long total) {
        if (perFile) {
            bar = bar(name, offset, total);
        }
    }

    @Override
    public synchronized void transferred(long bytes) {
        if (bar != null) {
            bar.stepBy(bytes);
        }
    }

    @Override
    public synchronized void finished() {
        if (perFile) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private static ProgressBar bar(String task, long offset, long total) {
        return ProgressLine.bar(task).setInitialMax(total).startsFrom(offset, Duration.ZERO).build();
    }
}
