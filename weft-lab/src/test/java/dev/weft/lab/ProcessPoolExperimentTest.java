package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.processes.NoChildJvmLeft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildJvmLeft.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessPoolExperimentTest {

    private final Result result = LabRuns.run(new ProcessPoolExperiment(), LabOptions.defaults().withThreads(2).withIterations(6));

    @Test
    void callbacksHearOfEverySuccessAndThePlannedFailure() {
        assertThat(result.number("successCallbacks")).isEqualTo(5);
        assertThat(result.number("failureCallbacks")).isEqualTo(1);
        assertThat(result.number("distinctTaskPids")).isBetween(1L, 2L);
        assertThat(result.flag("mapInOrder")).isTrue();
    }

    @Test
    void aWorkerKilledMidTaskFailsThatTaskAndIsReplaced() {
        assertThat(result.flag("killedTaskFailed")).isTrue();
        assertThat(result.number("workersReplaced")).isEqualTo(1);
        assertThat(result.flag("poolStillWhole")).isTrue();
    }

    @Test
    void closeLetsQueuedTasksFinishAndTerminateCancelsThem() {
        assertThat(result.number("closeJoinCompleted")).isEqualTo(3);
        assertThat(result.number("terminateCancelled")).isEqualTo(3);
        // the terminated tasks would each have slept 60 s
        assertThat(result.number("terminateMillis")).isLessThan(30_000);
    }
}
