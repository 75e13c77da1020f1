package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionExperimentTest {

    private final Result result = LabRuns.run(new ConditionExperiment(), LabOptions.defaults().withThreads(2).withIterations(60));

    @Test
    void bothWaysHandOverEveryItem() {
        assertThat(result.number("items")).isEqualTo(120);
        assertThat(result.number("conditionHandedOver")).isEqualTo(120);
        assertThat(result.number("pollingHandedOver")).isEqualTo(120);
    }

    @Test
    void pollingChecksForNothingWhileAConditionWaitsToBeSignalled() {
        // producers make one item per ms, so consumers are mostly idle: every idle poll is a wasted check
        assertThat(result.number("pollingEmptyChecks")).isPositive();
        assertThat(result.number("pollingChecks")).isGreaterThanOrEqualTo(result.number("pollingHandedOver"));
        assertThat(result.number("conditionEmptyChecks")).isLessThanOrEqualTo(result.number("conditionWakeUps"));
    }
}
