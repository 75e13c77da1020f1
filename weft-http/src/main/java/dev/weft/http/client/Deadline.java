package dev.weft.http.client;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The idle timeout and the whole-transfer limit of one exchange. The JDK client's request timeout ends when the head
 * arrives; a server that then stops sending would hold the body read forever. While a body is read, a
 * {@link Watch} interrupts the reader once no byte came for the idle timeout or the exchange ran past its limit,
 * and says which ("no data from ... for 30 s").
 */
final class Deadline {

    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("weft-client-clock").factory());

    private final Duration idle;
    private final Duration max;
    private final long start = System.nanoTime();

    Deadline(Duration idle, Duration max) {
        this.idle = idle;
        this.max = max;
    }

    /** How long to wait for a head: the idle timeout, or what is left of the limit when that is sooner. */
    Duration headTimeout() {
        if (max == null) {
            return idle;
        }
        Duration left = max.minusNanos(System.nanoTime() - start);
        return left.compareTo(idle) < 0 ? (left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left) : idle;
    }

    /** Why a head did not come in time. */
    String timeoutMessage(String where) {
        if (max != null && System.nanoTime() - start >= max.toNanos() - TimeUnit.MILLISECONDS.toNanos(50)) {
            return "transfer from " + where + " timed out after " + WebClient.seconds(max) + " (--max-time)";
        }
        return "no answer from " + where + ": timed out after " + WebClient.seconds(idle);
    }

    Watch watch() {
        return new Watch(Thread.currentThread());
    }

    /** One body read by one thread. */
    final class Watch implements AutoCloseable {
        private final Thread reader;
        private final ScheduledFuture<?> check;
        private volatile long last = System.nanoTime();
        private String expired;
        private boolean closed;

        private Watch(Thread reader) {
            this.reader = reader;
            long period = Math.max(10, Math.min(idle.toMillis(), max == null ? Long.MAX_VALUE : max.toMillis()) / 10);
            this.check = CLOCK.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
        }

        void progressed() {
            last = System.nanoTime();
        }

        /** Why the watch stopped the read, or null. */
        synchronized String expired() {
            return expired;
        }

        private synchronized void check() {
            if (closed || expired != null) {
                return;
            }
            long now = System.nanoTime();
            if (max != null && now - start > max.toNanos()) {
                expired = "transfer timed out after " + WebClient.seconds(max) + " (--max-time)";
            } else if (now - last > idle.toNanos()) {
                expired = "no data for " + WebClient.seconds(idle) + " (timed out)";
            } else {
                return;
            }
            reader.interrupt();
        }

        /** Stops watching and clears the watch's own interrupt so it cannot hit what the thread does next. */
        @Override
        public synchronized void close() {
            closed = true;
            check.cancel(false);
            if (expired != null) {
                Thread.interrupted();
            }
        }
    }
}
