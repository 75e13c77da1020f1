package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.processes.NoChildJvmLeft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildJvmLeft.class)
class ProcessGlobalsExperimentTest {

    @Test
    void aWorkerJvmsChangeStaysInTheWorkerAndAThreadsChangeShowsHere() throws InterruptedException {
        Result result = new ProcessGlobalsExperiment().run(LabOptions.defaults());

        assertThat(result.number("childPid")).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(result.number("childGlobal")).isEqualTo(101);
        assertThat(result.text("childNums")).isEqualTo("[11, 22, 33]");
        assertThat(result.number("parentGlobalAfterChild")).isEqualTo(100);
        assertThat(result.text("parentNumsAfterChild")).isEqualTo("[11, 22]");
        assertThat(result.number("parentGlobalAfterThread")).isEqualTo(101);
        assertThat(result.text("parentNumsAfterThread")).isEqualTo("[11, 22, 33]");
    }
}
