package dev.weft.tools.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The one progress line every transfer shows on a terminal, and the units it shares with the end summary. */
class ProgressLineTest {

    private static final long MIB = 1 << 20;

    @Test
    void doneAndTotalShareTheTotalsUnitWithRealDecimals() {
        assertThat(Sizes.fraction(3_040_870, 3_040_870)).isEqualTo("2.9/2.9 MiB");
        assertThat(Sizes.fraction(512 * 1024, 3 * MIB)).isEqualTo("0.5/3.0 MiB");
        assertThat(Sizes.fraction(100, 2048)).isEqualTo("0.1/2.0 KiB");
        assertThat(Sizes.fraction(100, 900)).isEqualTo("100/900 B");
    }

    @Test
    void anUnknownTotalShowsOnlyTheBytesDone() {
        assertThat(Sizes.fraction(3 * MIB, -1)).isEqualTo("3.0 MiB");
    }

    @Test
    void durationsReadAsMillisecondsSecondsMinutesAndHours() {
        assertThat(Sizes.duration(Duration.ofMillis(12))).isEqualTo("12 ms");
        assertThat(Sizes.duration(Duration.ofMillis(2_140))).isEqualTo("2.1 s");
        assertThat(Sizes.duration(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Sizes.duration(Duration.ofMinutes(124))).isEqualTo("2 h 4 min");
    }

    @Test
    void theLineHasBytesPercentRateAndTimeLeft() {
        String line = ProgressLine.format("copy", 1 * MIB, 4 * MIB, Duration.ofSeconds(1), "3/10 files");
        assertThat(line).isEqualTo("copy 1.0/4.0 MiB 25% 1.0 MiB/s ETA 3.0 s 3/10 files");
    }

    @Test
    void aResumedTransferCountsItsRateFromWhereItResumed() {
        String line = ProgressLine.format("get", 2 * MIB, 3 * MIB, 4 * MIB, Duration.ofSeconds(2), "");
        assertThat(line).isEqualTo("get 3.0/4.0 MiB 75% 512.0 KiB/s ETA 2.0 s");
    }

    @Test
    void withoutATotalThereIsNoPercentNorTimeLeft() {
        assertThat(ProgressLine.format("get", 2 * MIB, -1, Duration.ofSeconds(1), null)).isEqualTo("get 2.0 MiB 2.0 MiB/s");
    }

    @Test
    void aFinishedTransferShowsNoTimeLeft() {
        assertThat(ProgressLine.format("ftp", 4 * MIB, 4 * MIB, Duration.ofSeconds(2), "")).isEqualTo("ftp 4.0/4.0 MiB 100% 2.0 MiB/s");
    }

    @Test
    void theSummaryWhenNotOnATerminalUsesTheSameUnits() {
        Report report = new Report(2, 0, 3_040_870, java.util.List.of(), Duration.ofMillis(12));
        assertThat(report.summary("copied")).isEqualTo("copied 2 files (2.9 MiB) in 12 ms (241.7 MiB/s)");
    }

    @Test
    void oneTransfersSummaryHasItsSizeTimeAndRate() {
        assertThat(Sizes.summary(3_040_870, Duration.ofMillis(12))).isEqualTo("2.9 MiB in 12 ms (241.7 MiB/s)");
    }
}
