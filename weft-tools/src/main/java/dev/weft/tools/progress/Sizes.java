package dev.weft.tools.progress;

import java.util.Locale;

/** Byte counts and rates the way people read them: "512 B", "1.5 MiB", "38.2 MiB/s". */
public final class Sizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {
    }

    public static String bytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    public static String rate(long bytes, double seconds) {
        return seconds <= 0 ? "-" : bytes((long) (bytes / seconds)) + "/s";
    }
}
