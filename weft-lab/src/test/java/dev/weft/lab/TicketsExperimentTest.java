package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketsExperimentTest {

    @Test
    void withoutALockMoreTicketsAreSoldThanExist() throws InterruptedException {
        Result result = new TicketsExperiment().run(LabOptions.defaults().withIterations(10));

        assertThat(result.number("oversold")).isPositive();
        assertThat(result.number("sold")).isGreaterThan(result.number("stock"));
        assertThat(result.number("finalCount")).isNegative();
    }

    @Test
    void withALockExactlyTheStockIsSold() throws InterruptedException {
        Result result = new TicketsExperiment().run(LabOptions.defaults().withThreads(4).withIterations(10).withLock(true));

        assertThat(result.number("sold")).isEqualTo(10);
        assertThat(result.number("oversold")).isZero();
        assertThat(result.number("finalCount")).isZero();
    }
}
