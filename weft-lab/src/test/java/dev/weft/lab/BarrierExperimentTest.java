package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BarrierExperimentTest {

    private final Result result = LabRuns.run(new BarrierExperiment(), LabOptions.defaults().withThreads(5));

    @Test
    void theBarrierTripsOnceAndThePhaserAdvancesOnce() {
        assertThat(result.number("barrierTrips")).isEqualTo(1);
        assertThat(result.number("phaserPhase")).isEqualTo(1);
    }

    @Test
    void runnersWithoutABarrierStartAsTheirWarmUpsEndButTogetherAtOne() {
        // warm-ups end 10 ms apart, so the free starts spread over about 40 ms; at a barrier they are released at once.
        // Wide margin: the barrier's spread is a wake-up, under half of the warm-up spread even on a loaded machine.
        assertThat(result.decimal("noBarrierSpreadMillis")).isGreaterThan(30.0);
        assertThat(result.decimal("barrierSpreadMillis")).isLessThan(result.decimal("noBarrierSpreadMillis") / 2);
        assertThat(result.decimal("phaserSpreadMillis")).isLessThan(result.decimal("noBarrierSpreadMillis") / 2);
    }
}
