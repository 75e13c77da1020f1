package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimerExperimentTest {

    private final Result result = LabRuns.run(new TimerExperiment(), LabOptions.defaults().withIterations(10).withThreads(5));

    @Test
    void aCancelledTimerNeverFires() {
        assertThat(result.flag("cancelledBeforeDue")).isTrue();
        assertThat(result.number("cancelledFired")).isZero();
    }

    @Test
    void everyTickFiresAndNoneBeforeItIsDue() {
        assertThat(result.number("ticks")).isEqualTo(10);
        // nanoTime and the scheduler's clock agree to well under a millisecond; a timer is late, never early
        assertThat(result.decimal("tickEarliestMillis")).isGreaterThan(-1.0);
        assertThat(result.decimal("oneShotLateMillis")).isGreaterThan(-1.0);
        assertThat(result.decimal("tickLateP99Millis")).isGreaterThanOrEqualTo(result.decimal("tickLateP50Millis"));
    }
}
