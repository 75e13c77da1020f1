package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListRaceExperimentTest {

    private final Result result = LabRuns.run(new ListRaceExperiment(), LabOptions.defaults().withThreads(4).withIterations(20_000));

    @Test
    void theThreadSafeCollectionsKeepEveryAppend() {
        assertThat(result.number("attempted")).isEqualTo(80_000);
        assertThat(result.number("synchronizedListSize")).isEqualTo(80_000);
        assertThat(result.number("concurrentQueueSize")).isEqualTo(80_000);
        assertThat(result.number("copyOnWriteSize")).isEqualTo(result.number("copyOnWriteAttempted")).isEqualTo(8_000);
    }

    @Test
    void thePlainListAccountsForEveryAppendAsKeptLostOrThrown() {
        assertThat(result.number("arrayListSize") + result.number("arrayListLost") + result.number("arrayListExceptions"))
                .isEqualTo(80_000);
        assertThat(result.number("arrayListSize")).isLessThanOrEqualTo(80_000);
    }
}
