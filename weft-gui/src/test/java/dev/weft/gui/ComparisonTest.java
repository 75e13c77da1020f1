package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.weft.lab.Figure;
import dev.weft.lab.Result;

import org.junit.jupiter.api.Test;

/** Which lab results get a bar chart, and what it shows. */
class ComparisonTest {

    @Test
    void curvesOfOneUnitAreGroupedOverTheSharedAxis() {
        Result result = new Result("io-vs-cpu", "seed 000, section 1", "setup", List.of(
                Figure.curve("threads", "threads", List.of(1, 2, 4), ""),
                Figure.curve("ioMillis", "sleeping", List.of(40.0, 20.0, 10.0), "ms"),
                Figure.curve("ioSpeedup", "sleeping: speed-up", List.of(1.0, 2.0, 4.0), "x"),
                Figure.curve("cpuMillis", "computing", List.of(40.0, 40.0, 40.0), "ms")), List.of("why"));

        Comparison chart = Comparison.of(result).orElseThrow();

        assertThat(chart.unit()).isEqualTo("ms");
        assertThat(chart.categories()).containsExactly("threads 1", "threads 2", "threads 4");
        assertThat(chart.series()).isEqualTo(Map.of("sleeping", List.of(40.0, 20.0, 10.0), "computing", List.of(40.0, 40.0, 40.0)));
    }

    @Test
    void singleFiguresSharingAUnitBecomeOneBarEach() {
        Result result = new Result("race", "seed 000, section 1", "setup", List.of(
                Figure.of("lostUpdates", "lost updates", 7),
                Figure.measured("atomic", "AtomicLong", 80.0, "M/s"),
                Figure.measured("adder", "LongAdder", 150.0, "M/s"),
                Figure.measured("wall", "wall time", 3.0, "ms")), List.of("why"));

        Comparison chart = Comparison.of(result).orElseThrow();

        assertThat(chart.unit()).isEqualTo("M/s");
        assertThat(chart.series()).containsExactly(Map.entry("AtomicLong", List.of(80.0)), Map.entry("LongAdder", List.of(150.0)));
    }

    @Test
    void aResultWithNothingToCompareHasNoChart() {
        Result result = new Result("pool", "seed 000, section 1", "setup", List.of(
                Figure.of("tasks", "tasks", 10), Figure.measured("wall", "wall time", 3.0, "ms"), Figure.of("ok", "ok", true)),
                List.of("why"));

        assertThat(Comparison.of(result)).isEmpty();
    }
}
