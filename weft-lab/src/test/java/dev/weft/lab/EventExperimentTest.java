package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventExperimentTest {

    @Test
    void everyConnectorEitherConnectsAfterTheGateOpensOrGivesUpBefore() throws InterruptedException {
        Result result = new EventExperiment().run(LabOptions.defaults());

        assertThat(result.number("connected") + result.number("timedOut")).isEqualTo(10);
        if (result.number("timedOut") > 0) {
            assertThat(result.decimal("lastGaveUpMillis")).isLessThanOrEqualTo(result.decimal("setReturnedMillis"));
        }
        if (result.number("connected") > 0) {
            assertThat(result.decimal("firstConnectedMillis")).isGreaterThanOrEqualTo(result.decimal("setCalledMillis"));
        }
    }

    @Test
    void anImpatientConnectorTimesOutDuringMaintenance() throws InterruptedException {
        Result result = new EventExperiment().run(LabOptions.defaults().withThreads(1).withIterations(1));

        assertThat(result.text("timedOutIds")).isEqualTo("0");
        assertThat(result.number("connected")).isZero();
    }

    @Test
    void patientConnectorsAllConnectWhenTheGateOpens() throws InterruptedException {
        Result result = new EventExperiment().run(LabOptions.defaults().withThreads(3).withIterations(30));

        assertThat(result.text("connectedIds")).isEqualTo("0 1 2");
        assertThat(result.number("timedOut")).isZero();
    }

    @Test
    void everyWorkerSeesBothOfTheBosssRoundsAfterClearingTheEvent() throws InterruptedException {
        Result result = new EventExperiment().run(LabOptions.defaults().withThreads(1).withIterations(1));

        assertThat(result.text("bossRoundsSeen")).isEqualTo("1 2, 1 2, 1 2, 1 2, 1 2");
        assertThat(result.number("bossSawBothRounds")).isEqualTo(5);
        assertThat(result.flag("bossSetAfterClear")).isFalse();
    }
}
