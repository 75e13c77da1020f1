package dev.weft.tools.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The counts and the one-line summary people read at the end. */
class ReportTest {

    @Test
    void summaryNamesCountsBytesRateSkipsAndFailures() {
        Report report = new Report(3, 2, 3 << 20, List.of(Outcome.failed("x", "permission denied")), Duration.ofSeconds(2));

        assertThat(report.summary("copied")).isEqualTo("copied 3 files (3.0 MiB) in 2.0 s (1.5 MiB/s), 2 skipped, 1 failed");
        assertThat(report.ok()).isFalse();
    }

    @Test
    void tallyCountsEachEndAndSortsFailuresByItem() {
        Tally tally = new Tally();
        tally.planned(4, 30);
        tally.finished(Outcome.done("a", 10));
        tally.finished(Outcome.skipped("b", 20, "up to date"));
        tally.finished(Outcome.failed("z", "HTTP 404"));
        tally.finished(Outcome.failed("c", "HTTP 500"));

        Report report = tally.report();

        assertThat(report.done()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.bytes()).isEqualTo(10);
        assertThat(report.failures()).extracting(Outcome::item).containsExactly("c", "z");
        assertThat(tally.finishedItems()).isEqualTo(tally.plannedItems());
    }

    @Test
    void sizesReadLikePeopleWriteThem() {
        assertThat(Sizes.bytes(512)).isEqualTo("512 B");
        assertThat(Sizes.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Sizes.bytes(5L << 30)).isEqualTo("5.0 GiB");
    }

    @Test
    void oneDecimalRoundsAsTheFormatterDoesWithoutLoadingLocaleData() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 5) {
                case 0 -> random.nextInt(20_000) / 100.0; // two decimals: every half-way case
                case 1 -> random.nextDouble() * 1024;
                case 2 -> -random.nextDouble() * 10;
                case 3 -> Math.pow(10, random.nextInt(24) - 6) * random.nextDouble(); // 1E-6 .. 1E17
                default -> random.nextInt(100) + 0.05 * random.nextInt(20);
            };
            assertThat(Sizes.oneDecimal(value)).as("%s", value)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", value));
        }
        assertThat(Sizes.oneDecimal(0.0)).isEqualTo("0.0");
        assertThat(Sizes.oneDecimal(0.05)).isEqualTo("0.1");
        assertThat(Sizes.oneDecimal(99.96)).isEqualTo("100.0");
        assertThat(Sizes.oneDecimal(-0.04)).isEqualTo("-0.0");
    }

    @Test
    void consoleWithoutTerminalListsItemsWithoutCarriageReturns() {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(text, true);
        try (ConsoleProgress display = ConsoleProgress.open("download", out, false, true)) {
            display.finished(Outcome.done("a.bin", 2048));
            display.finished(Outcome.failed("http://h/b", "HTTP 404"));
        }

        assertThat(text.toString()).isEqualTo("a.bin (2.0 KiB)" + System.lineSeparator()
                + "http://h/b: failed, HTTP 404" + System.lineSeparator());
    }
}
