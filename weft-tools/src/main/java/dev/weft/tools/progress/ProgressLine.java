package dev.weft.tools.progress;

import java.time.Duration;

import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * The one progress line every transfer shows on a terminal (get, download, files, copy, ftp):
 * {@code copy 1.2/2.9 MiB 41% 3.0 MiB/s ETA 1 s 3/10 files}. The progressbar library draws and refreshes it;
 * this renderer writes its numbers through {@link Sizes}, so every command shows the same units and decimals.
 */
public final class ProgressLine implements ProgressBarRenderer {

    /** A progress bar builder for {@code task} that draws this line every 200 ms on stderr. */
    public static ProgressBarBuilder bar(String task) {
        return new ProgressBarBuilder().setTaskName(task).setRenderer(new ProgressLine()).setUpdateIntervalMillis(200);
    }

    /**
     * The line for {@code done} of {@code total} bytes (negative when unknown) after {@code elapsed}, with an
     * optional {@code extra} ("3/10 files") at the end.
     */
    public static String format(String task, long done, long total, Duration elapsed, String extra) {
        return format(task, 0, done, total, elapsed, extra);
    }

    /**
     * The same for a transfer that resumed at byte {@code from}: the rate and ETA count only the bytes since then.
     */
    public static String format(String task, long from, long done, long total, Duration elapsed, String extra) {
        double seconds = elapsed.toNanos() / 1e9;
        long moved = done - from;
        StringBuilder line = new StringBuilder(task).append(' ').append(Sizes.fraction(done, total));
        if (total > 0) {
            line.append(' ').append(Math.min(100, done * 100 / total)).append('%');
        }
        if (seconds > 0 && moved > 0) {
            line.append(' ').append(Sizes.rate(moved, seconds));
            if (total >= 0 && done < total) {
                line.append(' ').append(Sizes.eta(moved, total - from, seconds));
            }
        }
        if (extra != null && !extra.isBlank()) {
            line.append(' ').append(extra.strip());
        }
        return line.toString();
    }

    @Override
    public String render(ProgressState state, int maxLength) {
        long total = state.isIndefinite() || state.getMax() <= 0 ? -1 : state.getMax();
        String line = format(state.getTaskName(), state.getStart(), state.getCurrent(), total,
                state.getElapsedAfterStart(), state.getExtraMessage());
        return maxLength > 0 && line.length() > maxLength ? line.substring(0, maxLength) : line;
    }
}
