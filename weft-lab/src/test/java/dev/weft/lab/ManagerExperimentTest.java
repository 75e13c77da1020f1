package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.processes.NoChildJvmLeft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildJvmLeft.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerExperimentTest {

    private final Result result = LabRuns.run(new ManagerExperiment(), LabOptions.defaults().withThreads(2).withIterations(50));

    @Test
    void theManagersDictAndListHoldEveryWorkersWrites() {
        assertThat(result.number("dictEntries")).isEqualTo(2);
        assertThat(result.flag("dictHasEveryWorker")).isTrue();
        assertThat(result.number("listSize")).isEqualTo(100);
        assertThat(result.number("managerTotal")).isEqualTo(100);
    }

    @Test
    void aFileLockMakesTheSharedMemoryCounterLoseNothing() {
        assertThat(result.number("lockedIncrements")).isPositive();
        assertThat(result.number("lockedLost")).isZero();
    }

    @Test
    void withoutALockProcessesLoseUpdatesInSharedMemory() {
        // 300 ms of read-pause-write in two processes at once: overlaps are practically certain
        assertThat(result.number("unlockedLost")).isPositive();
        assertThat(result.number("unlockedCounter")).isLessThan(result.number("unlockedIncrements"));
    }
}
