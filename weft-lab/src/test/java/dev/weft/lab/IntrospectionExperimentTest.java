package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntrospectionExperimentTest {

    private final Result result = LabRuns.run(new IntrospectionExperiment(), LabOptions.defaults().withThreads(3).withIterations(150));

    @Test
    void enumerateSeesEveryCrewThreadWhileItRunsAndNoneAfterJoin() {
        assertThat(result.text("currentThread")).isEqualTo(Thread.currentThread().getName());
        assertThat(result.text("crewNames")).isEqualTo("lab-intro-0 lab-intro-1 lab-intro-2");
        assertThat(result.number("activeDuring")).isGreaterThanOrEqualTo(result.number("activeBefore") + 3);
        assertThat(result.number("crewLeftAfterJoin")).isZero();
    }

    @Test
    void spinningOnTheLockBurnsCpuThatJoinDoesNot() {
        // the spin runs for the whole 150 ms wait; on a loaded machine it gets less than a core, but far more than join's park
        assertThat(result.decimal("spinCpuMillis")).isGreaterThan(20.0)
                .isGreaterThan(result.decimal("joinCpuMillis") * 5);
    }
}
