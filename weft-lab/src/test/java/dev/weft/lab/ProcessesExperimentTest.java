package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import dev.weft.lab.processes.NoChildJvmLeft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildJvmLeft.class)
class ProcessesExperimentTest {

    private final Result result = run();

    private static Result run() {
        try {
            return new ProcessesExperiment().run(LabOptions.defaults().withThreads(2).withIterations(200_000));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void oneThreadThreadsAndWorkerJvmsFindTheSamePrimes() {
        assertThat(result.number("primes")).isEqualTo(17_984);
        assertThat(result.number("threadsPrimes")).isEqualTo(17_984);
        assertThat(result.number("processesPrimes")).isEqualTo(17_984);
    }

    @Test
    void workersAreSeparateProcessesWithTheirOwnPids() {
        long[] pids = Arrays.stream(result.text("workerPids").split(" ")).mapToLong(Long::parseLong).toArray();

        assertThat(pids).hasSize(2).doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid());
        assertThat(result.flag("separateProcesses")).isTrue();
    }

    @Test
    void noWorkerJvmOutlivesTheExperiment() {
        long[] pids = Arrays.stream(result.text("workerPids").split(" ")).mapToLong(Long::parseLong).toArray();

        assertThat(Arrays.stream(pids).boxed()).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }
}
