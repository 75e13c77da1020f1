package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntrospectionExperimentTest {

    private final Result result = LabRuns.run(new IntrospectionExperiment(), LabOptions.defaults().withThreads(3).withIterations(300));

    @Test
    void enumerateSeesEveryCrewThreadWhileItRunsAndNoneAfterJoin() {
        assertThat(result.text("currentThread")).isEqualTo(Thread.currentThread().getName());
        assertThat(result.text("crewNames")).isEqualTo("lab-intro-0 lab-intro-1 lab-intro-2");
        assertThat(result.number("activeDuring")).isGreaterThanOrEqualTo(result.number("activeBefore") + 3);
        assertThat(result.number("crewLeftAfterJoin")).isZero();
    }

    @Test
    void spinningOnTheLockBurnsCpuThatJoinDoesNot() {
        // the spin runs for the whole 300 ms wait; on a machine loaded 15-deep it still gets a share of a core
        // (about 40 ms), where join's thread is parked and uses next to nothing
        assertThat(result.decimal("spinCpuMillis")).isGreaterThan(10.0)
                .isGreaterThan(result.decimal("joinCpuMillis") * 3);
    }
}
