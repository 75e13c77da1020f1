package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.processes.NoChildJvmLeft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildJvmLeft.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeventExperimentTest {

    private final Result result = LabRuns.run(new GeventExperiment(), LabOptions.defaults().withIterations(400));

    @Test
    void everyFetchGetsItsPageBothWays() {
        assertThat(result.number("virtualOk")).isEqualTo(400);
        assertThat(result.number("virtualFailed")).isZero();
        assertThat(result.number("poolOk")).isEqualTo(400);
        assertThat(result.number("poolFailed")).isZero();
    }

    @Test
    void virtualThreadsNeedFewPlatformThreadsWhereThePoolNeedsTwoHundred() {
        assertThat(result.number("poolPeakThreads")).isGreaterThanOrEqualTo(GeventExperiment.POOL);
        assertThat(result.number("virtualPeakThreads")).isLessThan(GeventExperiment.POOL / 2);
    }

    @Test
    void moreThanTenThousandFetchesAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GeventExperiment().run(LabOptions.defaults().withIterations(10_001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--iterations 10001 is more than 10000");
    }
}
