package dev.weft.tools.download;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before retry number {@code n}: the first delay doubled each time, capped at 30 seconds, and
 * randomised between half and all of that so that many downloads failing together do not retry together.
 */
record Backoff(Duration first) {

    private static final long CAP_MILLIS = 30_000;

    Duration delay(int retry) {
        long full = Math.min(CAP_MILLIS, first.toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }
}
