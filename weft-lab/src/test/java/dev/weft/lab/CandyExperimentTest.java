package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandyExperimentTest {

    private final Result result = LabRuns.run(new CandyExperiment(), LabOptions.defaults().withIterations(6));

    @Test
    void inTheRushSomeBuyersFindTheTrayEmpty() {
        // 17 buys against 5 candies and 6 refills: at least 6 buys must be refused
        assertThat(result.number("rushEmpty")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void inTheQuietSpellSomeRefillsFindTheTrayFull() {
        // 17 refills against 5 slots and 6 sales: at least 6 refills must be refused
        assertThat(result.number("quietFull")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void stockBalancesAndStaysWithinTheSlots() {
        long afterRush = CandyExperiment.SLOTS + result.number("rushRefilled") - result.number("rushBought");
        assertThat(result.number("rushStock")).isEqualTo(afterRush).isBetween(0L, 5L);
        assertThat(result.number("quietStock")).isEqualTo(afterRush + result.number("quietRefilled") - result.number("quietBought"))
                .isBetween(0L, 5L);
    }
}
