package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.processes.NoChildJvmLeft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildJvmLeft.class)
class PipeExperimentTest {

    @Test
    void theChildEchoesEveryMessageUnchanged() throws InterruptedException {
        Result result = new PipeExperiment().run(LabOptions.defaults().withIterations(300));

        assertThat(result.number("childPid")).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(result.number("pipeWrongEchoes")).isZero();
        assertThat(result.number("threadWrongEchoes")).isZero();
        assertThat(result.decimal("pipeP99Micros")).isGreaterThanOrEqualTo(result.decimal("pipeP50Micros")).isPositive();
    }
}
