package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.processes.NoChildJvmLeft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildJvmLeft.class)
class ProcessQueueExperimentTest {

    @Test
    void everyMessageCrossesFromTheProducerJvmToTheConsumerJvmInOrder() throws InterruptedException {
        Result result = new ProcessQueueExperiment().run(LabOptions.defaults().withIterations(3_000));

        assertThat(result.number("received")).isEqualTo(3_000);
        assertThat(result.flag("inOrder")).isTrue();
        assertThat(result.number("producerPid")).isNotEqualTo(result.number("consumerPid"))
                .isNotEqualTo(ProcessHandle.current().pid());
    }
}
