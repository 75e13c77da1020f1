package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BankExperimentTest {

    private final Result result = run();

    private static Result run() {
        try {
            return new BankExperiment().run(LabOptions.defaults().withThreads(3).withIterations(60));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void concurrentTransfersAndDrawsConserveTheTotal() {
        assertThat(result.number("totalBefore")).isEqualTo(4 * BankExperiment.OPENING_BALANCE);
        assertThat(result.number("totalAfter")).isEqualTo(result.number("totalBefore"));
        assertThat(result.number("transfers") + result.number("drawcash")).isEqualTo(3 * 60);
    }

    @Test
    void everyDrawcashTakesItsReentrantLockTwice() {
        assertThat(result.number("drawcash")).isPositive();
        assertThat(result.number("nestedAcquisitions")).isEqualTo(result.number("drawcash"));
    }

    @Test
    void aNonReentrantLockDeadlocksDrawcashAndTheLabSeesIt() {
        assertThat(result.flag("nonReentrantDeadlock")).isTrue();
        assertThat(result.text("stuckThread"))
                .isEqualTo("lab-bank-plain-lock-0 holds alex's lock and waits for alex's lock held by lab-bank-plain-lock-0");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("lab-bank"));
    }
}
