package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SemaphoreExperimentTest {

    @Test
    void atMostFiveTasksRunAtOnceAndFiveDo() throws InterruptedException {
        Result result = new SemaphoreExperiment().run(LabOptions.defaults());

        assertThat(result.number("tasks")).isEqualTo(20);
        assertThat(result.number("maxConcurrent")).isEqualTo(5);
    }

    @Test
    void thePermitCountSetsTheHighestConcurrency() throws InterruptedException {
        Result result = new SemaphoreExperiment().run(LabOptions.defaults().withThreads(3).withIterations(7));

        assertThat(result.number("maxConcurrent")).isEqualTo(3);
    }

    @Test
    void aPlainSemaphoreAcceptsAnExtraReleaseAndABoundedOneRefusesIt() throws InterruptedException {
        Result result = new SemaphoreExperiment().run(LabOptions.defaults());

        assertThat(result.number("plainPermitsAfterExtraRelease")).isEqualTo(6);
        assertThat(result.text("boundedOverReleaseError")).contains("released too many times");
    }
}
