package dev.weft.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaemonProcessExperimentTest {

    private final Result result = LabRuns.run(new DaemonProcessExperiment(), LabOptions.defaults().withIterations(20_000));

    @Test
    void theDaemonChildDiesWithItsParentAndTheOtherOutlivesIt() {
        assertThat(result.decimal("daemonGoneMillis")).isLessThan(15_000.0);
        assertThat(result.flag("nonDaemonOutlivedParent")).isTrue();
    }

    @Test
    void terminateEndsTheSurvivorAndNoGrandchildIsLeft() {
        assertThat(result.flag("nonDaemonAliveAfterTerminate")).isFalse();
        // the grandchildren are not this JVM's descendants once their parent exits, so check them by pid
        assertThat(ProcessHandle.of(result.number("daemonPid")).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(ProcessHandle.of(result.number("nonDaemonPid")).filter(ProcessHandle::isAlive)).isEmpty();
    }
}
