package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorsExperimentTest {

    private final Result result = LabRuns.run(new GeneratorsExperiment(), LabOptions.defaults().withIterations(2_000));

    @Test
    void theIteratorAndTheGeneratorGiveTheSameFibonacciNumbers() {
        assertThat(result.text("firstValues")).isEqualTo("0 1 1 2 3 5 8 13 21 34");
        assertThat(result.flag("sameValues")).isTrue();
    }

    @Test
    void sendResumesTheBodyWithTheSentValue() {
        assertThat(result.text("sendAnswers")).isEqualTo("0 1 1 2");
        assertThat(result.text("sendReceived")).isEqualTo("null haha hello");
    }

    @Test
    void thePipelineKeepsTheEvenSquaresInOrder() {
        assertThat(result.number("pipelineValues")).isEqualTo(1_000);
        assertThat(result.text("pipelineFirst")).isEqualTo("4 16 36 64 100");
    }

    @Test
    void noGeneratorThreadIsLeftSuspended() {
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("lab-generator"));
    }
}
