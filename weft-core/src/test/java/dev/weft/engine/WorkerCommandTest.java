package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Workers of the processes model are bounded like their supervisor (issue 19.11). */
class WorkerCommandTest {

    @Test
    void aWorkerTakesItsSupervisorsMemoryBoundsAndNothingElse() {
        List<String> supervisor = List.of("-XX:AOTCache=weft.aot", "-Xmx512m", "-Xms64m", "-Dweft.aot.flags=x",
                "-XX:MaxDirectMemorySize=128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxRAMPercentage=25",
                "-Xmn16m", "-XX:MaxNewSize=32m");

        assertThat(WorkerCommand.memoryOptions(supervisor))
                .containsExactly("-Xmx512m", "-Xms64m", "-XX:MaxDirectMemorySize=128m", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=25",
                        "-Xmn16m", "-XX:MaxNewSize=32m");
    }

    @Test
    void theWorkerCommandCarriesThisJvmsHeapLimit() {
        List<String> command = WorkerCommand.java("some.Main", port -> List.of(Integer.toString(port))).command(1234);

        assertThat(command).containsSubsequence(WorkerCommand.memoryOptions(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        assertThat(command.subList(command.size() - 2, command.size())).containsExactly("some.Main", "1234");
    }
}
