package dev.weft.tools.copy;

/**
 * How many files are copied at once: {@code small} workers for files under {@link #LARGE_FILE} bytes, where the cost is
 * per-file system calls and many in flight help, and {@code large} workers for big files, where more streams than the
 * disk has queues only make the head (or the flash controller) switch between them.
 */
public record Workers(int small, int large) {

    /** Files of this size and above go to the large lane. */
    public static final long LARGE_FILE = 8L << 20;

    public Workers {
        if (small < 1 || small > 1024 || large < 1 || large > 1024) {
            throw new IllegalArgumentException("workers must be between 1 and 1024, got " + small + " and " + large);
        }
    }

    /** Every lane gets {@code n} workers ({@code --workers N}). */
    public static Workers of(int n) {
        if (n < 1 || n > 1024) {
            throw new IllegalArgumentException("--workers must be between 1 and 1024, got " + n);
        }
        return new Workers(n, n);
    }

    /** 16 small-file workers (they mostly wait on metadata calls) and one large-file stream per core, 2 to 4. */
    public static Workers defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Workers(16, Math.clamp(cores, 2, 4));
    }
}
