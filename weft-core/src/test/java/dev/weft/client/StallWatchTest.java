package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StallWatchTest {

    private static final Duration TIMEOUT = Duration.ofMillis(100);

    @Test
    void aTransferSilentForTheTimeoutIsStoppedOnce() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger stops = new AtomicInteger();
        long start = System.nanoTime();
        try (StallWatch watch = StallWatch.start(TIMEOUT, () -> {
            stops.incrementAndGet();
            stopped.countDown();
        })) {
            assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT);
            assertThat(watch.stalled()).isTrue();
            watch.progressed();
            CountDownLatch never = new CountDownLatch(1);
            assertThat(never.await(3 * TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
            assertThat(stops).as("a stalled transfer is stopped once").hasValue(1);
        }
    }

    @Test
    void aPausedWatchNeverStopsTheTransfer() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (StallWatch watch = StallWatch.start(TIMEOUT, stopped::countDown)) {
            watch.pause();

            assertThat(stopped.await(4 * TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
            assertThat(watch.stalled()).isFalse();
        }
    }

    @Test
    void progressKeepsATransferAlive() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        try (StallWatch watch = StallWatch.start(Duration.ofSeconds(2), stopped::countDown)) {
            for (int i = 0; i < 10; i++) {
                assertThat(stopped.await(50, TimeUnit.MILLISECONDS)).isFalse();
                watch.progressed();
            }
            assertThat(watch.stalled()).isFalse();
        }
    }

    @Test
    void aClosedWatchNeverStopsTheTransfer() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        StallWatch.start(TIMEOUT, stopped::countDown).close();

        assertThat(stopped.await(4 * TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
    }
}
