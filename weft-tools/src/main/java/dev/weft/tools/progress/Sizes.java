package dev.weft.tools.progress;

/**
 * Byte counts, rates and times the way people read them: "512 B", "2.9/2.9 MiB", "38.2 MiB/s", "in 12 ms", "ETA 4 s".
 * Every transfer display ({@link ProgressLine}, {@link Report}) writes its numbers through here. Numbers are written without
 * {@link java.util.Formatter}, whose first use loads the JDK's locale data: that was 7 ms at the end of every copy.
 */
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
        return unit == 0 ? bytes + " B" : oneDecimal(value) + " " + UNITS[unit];
    }

    /**
     * {@code value} with one decimal, rounded half up from its shortest decimal form as {@code %.1f} does ("2.0",
     * "-0.3", "1023.9"). Done by hand: both the Formatter and BigDecimal cost milliseconds to set up.
     */
    public static String oneDecimal(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        String sign = Math.copySign(1.0, value) < 0 ? "-" : "";
        String shortest = Double.toString(Math.abs(value)); // "123.456" or, below 0.001 and from 10^7, "1.5E-4"
        int exponent = shortest.indexOf('E');
        String mantissa = exponent < 0 ? shortest : shortest.substring(0, exponent);
        int point = mantissa.indexOf('.');
        StringBuilder digits = new StringBuilder(mantissa.length()).append(mantissa, 0, point)
                .append(mantissa, point + 1, mantissa.length());
        int whole = point + (exponent < 0 ? 0 : Integer.parseInt(shortest.substring(exponent + 1)));
        if (whole < 0) {
            return sign + "0.0"; // below 0.001
        }
        while (digits.length() < whole + 2) {
            digits.append('0');
        }
        boolean up = digits.charAt(whole + 1) >= '5';
        digits.setLength(whole + 1);
        for (int i = whole; up && i >= 0; i--) {
            up = digits.charAt(i) == '9';
            digits.setCharAt(i, up ? '0' : (char) (digits.charAt(i) + 1));
        }
        if (up) {
            digits.insert(0, '1');
            whole++;
        }
        // whole >= 1 here (Double.toString writes "0.x" below 1 and exponents only below 0.001 or from 10^7), and
        // its digits have no leading zeros beyond a lone "0"
        return sign + digits.substring(0, whole) + "." + digits.charAt(whole);
    }

    /**
     * Bytes done of a total in the total's unit, "2.9/2.9 MiB" or "512/2048 B"; just the bytes done when the total is
     * unknown (negative).
     */
    public static String fraction(long done, long total) {
        if (total < 0) {
            return bytes(done);
        }
        double scale = 1;
        int unit = 0;
        while (total / scale >= 1024 && unit < UNITS.length - 1) {
            scale *= 1024;
            unit++;
        }
        if (unit == 0) {
            return done + "/" + total + " B";
        }
        return oneDecimal(done / scale) + "/" + oneDecimal(total / scale) + " " + UNITS[unit];
    }

    /** A time span people read: "12 ms" below a second, "2.1 s" below a minute, then "3 min 5 s" and "2 h 4 min". */
    public static String duration(java.time.Duration elapsed) {
        long millis = elapsed.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return oneDecimal(millis / 1000.0) + " s";
        }
        long seconds = elapsed.toSeconds();
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** The time left at this rate, "ETA 4 s"; empty when the total or the rate is not known yet. */
    public static String eta(long done, long total, double seconds) {
        if (total < 0 || done <= 0 || seconds <= 0) {
            return "";
        }
        double left = Math.max(0, total - done) / (done / seconds);
        return "ETA " + duration(java.time.Duration.ofMillis(Math.round(Math.ceil(left) * 1000)));
    }

    /** The end of one transfer when no bar was shown: "2.9 MiB in 12 ms (241.7 MiB/s)". */
    public static String summary(long bytes, java.time.Duration elapsed) {
        return bytes(bytes) + " in " + duration(elapsed) + " (" + rate(bytes, elapsed.toNanos() / 1e9) + ")";
    }

    /** {@link #summary(long, java.time.Duration)} from a {@link System#nanoTime()} taken at the start. */
    public static String summarySince(long bytes, long startedNanos) {
        return summary(bytes, java.time.Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    public static String rate(long bytes, double seconds) {
        return seconds <= 0 ? "-" : bytes((long) (bytes / seconds)) + "/s";
    }
}
