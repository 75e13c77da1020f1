package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolExperimentTest {

    private final Result result = run();

    private static Result run() {
        try {
            return new PoolExperiment().run(LabOptions.defaults().withThreads(3).withIterations(12));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void closeRunsEveryTaskAndEachCallsBack() {
        assertThat(result.number("closeSucceeded") + result.number("closeFailed")).isEqualTo(12);
        assertThat(result.number("closeDropped")).isZero();
    }

    @Test
    void failingTasksReachTheFailureCallback() {
        assertThat(result.number("plannedFailures")).isPositive();
        assertThat(result.number("closeFailed")).isEqualTo(result.number("plannedFailures"));
    }

    @Test
    void terminateInterruptsTheRunningTasksAndDropsTheQueuedOnes() {
        assertThat(result.number("terminateInterrupted")).isEqualTo(3);
        assertThat(result.number("terminateDropped")).isEqualTo(9);
        assertThat(result.number("terminateCompleted")).isZero();
    }
}
