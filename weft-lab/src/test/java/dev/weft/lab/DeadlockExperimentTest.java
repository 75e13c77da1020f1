package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadlockExperimentTest {

    @Test
    void oppositeLockOrdersDeadlockAndTheCycleIsNamed() throws InterruptedException {
        Result broken = new DeadlockExperiment().run(LabOptions.defaults());

        assertThat(broken.flag("deadlocked")).isTrue();
        assertThat(broken.text("cycle")).isEqualTo(
                "lab-deadlock-0 holds lock A and waits for lock B held by lab-deadlock-1; "
                        + "lab-deadlock-1 holds lock B and waits for lock A held by lab-deadlock-0");
    }

    @Test
    void threeThreadsFormAThreeLockCycle() throws InterruptedException {
        Result result = new DeadlockExperiment().run(LabOptions.defaults().withThreads(3));

        assertThat(result.text("cycle")).contains("lab-deadlock-2 holds lock C and waits for lock A held by lab-deadlock-0");
    }

    @Test
    void oneLockOrderLetsEveryThreadComplete() throws InterruptedException {
        Result result = new DeadlockExperiment().run(LabOptions.defaults().withThreads(3).withFix(Fix.ORDERING));

        assertThat(result.number("orderingCompleted")).isEqualTo(3);
        assertThat(result.figures()).noneMatch(f -> f.key().equals("deadlocked") || f.key().startsWith("trylock"));
    }

    @Test
    void tryLockWithBackOffLetsEveryThreadComplete() throws InterruptedException {
        Result result = new DeadlockExperiment().run(LabOptions.defaults().withFix(Fix.TRYLOCK));

        assertThat(result.number("trylockCompleted")).isEqualTo(2);
    }

    @Test
    void noDeadlockedThreadIsLeftBehind() throws InterruptedException {
        new DeadlockExperiment().run(LabOptions.defaults());

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("lab-deadlock"));
    }
}
