package dev.weft.tools.copy;

import java.nio.file.Path;

import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;

/** A copy in its own JVM, so a test can kill it with SIGKILL midway: {@code CopyMain SRC DST}. */
public final class CopyMain {

    private CopyMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Report report = Copier.copy(CopyOptions.of(Path.of(args[0]), Path.of(args[1])).withWorkers(new Workers(4, 2)),
                Progress.none());
        System.out.println(report.summary("copied"));
    }
}
