package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.lab.processes.NoChildJvmLeft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoChildJvmLeft.class)
class DaemonExperimentTest {

    private static final int SLEEP = 400;
    private final Result result = run();

    private static Result run() {
        try {
            return new DaemonExperiment().run(LabOptions.defaults().withIterations(SLEEP));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDaemonThreadDoesNotKeepTheJvmAlive() {
        // the daemon thread sleeps ten times SLEEP: a JVM waiting for it would linger that long
        assertThat(result.decimal("daemonLingerMillis")).isLessThan(SLEEP * 5.0);
    }

    @Test
    void aNonDaemonThreadKeepsTheJvmAliveAfterMainReturns() {
        assertThat(result.decimal("nonDaemonLingerMillis")).isGreaterThanOrEqualTo(SLEEP / 2.0);
        assertThat(result.decimal("nonDaemonLingerMillis")).isGreaterThan(result.decimal("daemonLingerMillis"));
    }

    @Test
    void joinMakesMainWaitForTheThread() {
        assertThat(result.number("joinMainMillis")).isGreaterThanOrEqualTo(SLEEP);
        assertThat(result.text("exitCodes")).isEqualTo("0 0 0");
    }
}
