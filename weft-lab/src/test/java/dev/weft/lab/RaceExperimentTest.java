package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RaceExperimentTest {

    private final LabOptions small = LabOptions.defaults().withThreads(4).withIterations(50);

    @Test
    void withoutALockUpdatesAreLost() throws InterruptedException {
        Result result = new RaceExperiment().run(small);

        assertThat(result.number("expected")).isZero();
        assertThat(result.number("lostUpdates")).isPositive().isEqualTo(result.number("actual"));
    }

    @Test
    void withALockNoUpdateIsLost() throws InterruptedException {
        Result result = new RaceExperiment().run(small.withLock(true));

        assertThat(result.number("lostUpdates")).isZero();
        assertThat(result.flag("locked")).isTrue();
    }

    @Test
    void atomicLongAndLongAdderLoseNothingWithoutALock() throws InterruptedException {
        Result result = new RaceExperiment().run(small);

        assertThat(result.number("atomicLongActual")).isZero();
        assertThat(result.number("longAdderActual")).isZero();
        assertThat(result.decimal("atomicLongMops")).isPositive();
    }
}
