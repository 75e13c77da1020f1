package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timing programs in rotating order, and refusing a time whose output is not a full copy. */
class InterleavedRoundsTest {

    @Test
    void eachProgramRunsOncePerRoundInRotatingOrderAndGetsARowWithItsMedian(@TempDir Path work) throws Exception {
        Path input = CopyBench.smallTree(work.resolve("in"), 20, 10);
        ToolContender weft = new ToolContender(ToolContender.WEFT, "cp as weft", InterleavedRoundsTest::cp);
        ToolContender other = new ToolContender("other", "cp", InterleavedRoundsTest::cp);
        List<String> order = new ArrayList<>();

        List<ToolReport.Row> rows = new InterleavedRounds(List.of(weft, other), 3, order::add)
                .run(List.of(new InterleavedRounds.Workload("tree", input, TreeStats.of(input))), work);

        assertThat(order).hasSize(6);
        assertThat(order.get(0)).contains("weft");
        assertThat(order.get(2)).contains("other");
        assertThat(rows).extracting(ToolReport.Row::tool).containsExactly("weft", "other");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.seconds()).hasSize(3);
            assertThat(row.medianSeconds()).isEqualTo(InterleavedRounds.median(row.seconds())).isPositive();
            assertThat(row.files()).isEqualTo(20);
        });
        assertThat(rows.get(0).weftSpeedup()).isEqualTo(1.0);
        assertThat(Files.exists(work.resolve("destination"))).isFalse();
    }

    @Test
    void aProgramThatLeavesFilesOutIsRefusedByName(@TempDir Path work) throws Exception {
        Path input = CopyBench.smallTree(work.resolve("in"), 5, 5);
        ToolContender partial = new ToolContender("partial", "mkdir", (from, to) -> List.of("mkdir", "-p", to.toString()));
        InterleavedRounds rounds = new InterleavedRounds(List.of(partial), 1, line -> { });

        assertThatThrownBy(() -> rounds.run(List.of(new InterleavedRounds.Workload("tree", input, TreeStats.of(input))), work))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("partial made 0 files of 0 bytes in all for 'tree', expected 5 files of ");
    }

    @Test
    void aProgramThatFailsIsRefusedWithItsOutput(@TempDir Path work) throws Exception {
        Path input = CopyBench.smallTree(work.resolve("in"), 1, 1);
        ToolContender failing = new ToolContender("failing", "sh", (from, to) -> List.of("sh", "-c", "echo disk full; exit 3"));
        InterleavedRounds rounds = new InterleavedRounds(List.of(failing), 1, line -> { });

        assertThatThrownBy(() -> rounds.run(List.of(new InterleavedRounds.Workload("tree", input, TreeStats.of(input))), work))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith("exited with status 3: disk full");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(InterleavedRounds.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(InterleavedRounds.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    private static List<String> cp(Path from, Path to) {
        return List.of("cp", "-r", from.toString(), to.toString());
    }
}
