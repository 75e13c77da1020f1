package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.processes.NoChildJvmLeft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildJvmLeft.class)
class VirtualExperimentTest {

    @Test
    void virtualThreadsRunTheCrowdOnFewPlatformThreadsAndThePoolOnItsCap() throws InterruptedException {
        Result result = new VirtualExperiment().run(LabOptions.defaults().withIterations(2000).withThreads(64));

        assertThat(result.number("platformPeakThreads")).isGreaterThanOrEqualTo(64);
        assertThat(result.number("virtualPeakThreads")).isLessThan(64);
        assertThat(result.number("virtualMillis")).isPositive();
    }
}
