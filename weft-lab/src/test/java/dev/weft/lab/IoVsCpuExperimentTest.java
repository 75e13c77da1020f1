package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class IoVsCpuExperimentTest {

    @Test
    void threadCountsDoubleUpToTheMaximum() {
        assertThat(IoVsCpuExperiment.threadCounts(8)).containsExactly(1, 2, 4, 8);
        assertThat(IoVsCpuExperiment.threadCounts(6)).containsExactly(1, 2, 4, 6);
        assertThat(IoVsCpuExperiment.threadCounts(1)).containsExactly(1);
    }

    @Test
    void everyCurveHasOnePointPerThreadCountStartingAtOne() throws InterruptedException {
        Result result = new IoVsCpuExperiment().run(LabOptions.defaults().withThreads(2).withIterations(4));

        assertThat((List<?>) result.figure("threads").value()).isEqualTo(List.of(1, 2));
        assertThat(((List<?>) result.figure("ioSpeedup").value())).hasSize(2).element(0).isEqualTo(1.0);
        assertThat(((List<?>) result.figure("cpuSpeedup").value())).hasSize(2).element(0).isEqualTo(1.0);
    }
}
