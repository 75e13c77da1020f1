package dev.weft.gui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The points of a live server chart, one a second: open connections, and the rate of a running total (requests
 * or connections accepted) as the difference from the previous sample. Keeps the last {@link #WINDOW} points.
 */
final class RateSampler {

    static final int WINDOW = 60;

    /** One point: seconds since the server started, connections open then, and the rate over the last second. */
    record Point(double second, long open, double perSecond) {
    }

    private final Deque<Point> points = new ArrayDeque<>();
    private long lastTotal = -1;
    private long lastNanos;
    private long count;

    /** Adds the point for {@code nanos} (a monotonic time) from the counters read then. */
    void sample(long nanos, long open, long total) {
        double rate = 0;
        if (lastTotal >= 0 && nanos > lastNanos) {
            rate = (total - lastTotal) / ((nanos - lastNanos) / 1e9);
        }
        lastTotal = total;
        lastNanos = nanos;
        points.addLast(new Point(count++, open, Math.max(0, rate)));
        while (points.size() > WINDOW) {
            points.removeFirst();
        }
    }

    List<Point> points() {
        return new ArrayList<>(points);
    }

    /** Points taken since the start, including those that scrolled out of the window. */
    long taken() {
        return count;
    }
}
