package dev.weft.gui;

import java.util.Locale;

/**
 * What a progress bar says about a transfer: bytes done of the total, the rate since it started and the time
 * left at that rate, e.g. {@code 12.5 MiB of 50.0 MiB · 80.0 MiB/s · 0:01 left}.
 */
final class TransferRate {

    private TransferRate() {
    }

    /**
     * @param done          bytes moved so far in this attempt and before it
     * @param total         the size, or -1 when unknown
     * @param movedNow      bytes moved by this attempt (a resumed download starts past 0)
     * @param elapsedNanos  time since this attempt started
     */
    static String describe(long done, long total, long movedNow, long elapsedNanos) {
        StringBuilder text = new StringBuilder(bytes(done));
        if (total >= 0) {
            text.append(" of ").append(bytes(total));
        }
        double seconds = elapsedNanos / 1e9;
        if (seconds > 0.05 && movedNow > 0) {
            double rate = movedNow / seconds;
            text.append(" · ").append(bytes(Math.round(rate))).append("/s");
            if (total > done) {
                text.append(" · ").append(clock(Math.round((total - done) / rate))).append(" left");
            }
        }
        return text.toString();
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 50.0 MiB}, {@code 2.0 GiB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** Whole percent of {@code done} out of {@code total}; 0 while the total is unknown. */
    static int percent(long done, long total) {
        return total <= 0 ? (total == 0 ? 100 : 0) : (int) Math.min(100, done * 100 / total);
    }
}
