package dev.weft.tools.progress;

import java.time.Duration;
import java.util.List;

/** The end of a copy or download: how many items were done and skipped, the bytes, and every failure with its reason. */
public record Report(long done, long skipped, long bytes, List<Outcome> failures, Duration elapsed) {

    public Report {
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    /** One line for people, for example "copied 10000 files (9.8 MiB) in 2.1 s (4.6 MiB/s), 3 skipped, 1 failed". */
    public String summary(String verb) {
        double seconds = elapsed.toNanos() / 1e9;
        StringBuilder line = new StringBuilder().append(verb).append(' ').append(done).append(done == 1 ? " file" : " files")
                .append(" (").append(Sizes.bytes(bytes)).append(") in ").append(Sizes.duration(elapsed)).append(" (")
                .append(Sizes.rate(bytes, seconds)).append(')');
        if (skipped > 0) {
            line.append(", ").append(skipped).append(" skipped");
        }
        if (!failures.isEmpty()) {
            line.append(", ").append(failures.size()).append(" failed");
        }
        return line.toString();
    }
}
