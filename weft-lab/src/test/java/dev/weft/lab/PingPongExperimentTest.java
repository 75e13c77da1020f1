package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PingPongExperimentTest {

    @Test
    void theBatonAlternatesStrictlyOnVirtualAndPlatformThreads() throws InterruptedException {
        Result result = new PingPongExperiment().run(LabOptions.defaults().withIterations(5_000));

        assertThat(result.number("switches")).isEqualTo(5_000);
        assertThat(result.text("virtualOrder")).isEqualTo("A B A B A B A B");
        assertThat(result.text("platformOrder")).isEqualTo("A B A B A B A B");
        assertThat(result.decimal("virtualPerSecond")).isPositive();
    }
}
