package dev.weft.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.weft.services.files.TransferListener;
import dev.weft.tools.progress.InteractiveConsole;
import dev.weft.tools.progress.ProgressLine;
import me.tongfei.progressbar.ProgressBar;

/**
 * One progress bar on the terminal for one or several transfers (their bytes summed), or nothing when
 * stderr is not a terminal or the user asked for quiet. Close it when the transfers end.
 */
final class TransferProgress implements TransferListener, AutoCloseable {

    private final ProgressBar bar;
    private final Map<String, long[]> transfers = new ConcurrentHashMap<>();

    private TransferProgress(ProgressBar bar) {
        this.bar = bar;
    }

    static TransferProgress start(String task, boolean quiet) {
        if (quiet || !InteractiveConsole.present()) {
            return new TransferProgress(null);
        }
        return new TransferProgress(ProgressLine.bar(task).setInitialMax(-1).build());
    }

    @Override
    public void progress(String name, long done, long total) {
        if (bar == null) {
            return;
        }
        transfers.put(name, new long[] {done, total});
        long sumDone = 0;
        long sumTotal = 0;
        for (long[] transfer : transfers.values()) {
            sumDone += transfer[0];
            sumTotal = transfer[1] < 0 || sumTotal < 0 ? -1 : sumTotal + transfer[1];
        }
        bar.maxHint(sumTotal);
        bar.stepTo(sumDone);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
