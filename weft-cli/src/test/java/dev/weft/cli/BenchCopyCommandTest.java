package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.bench.CopyBench;
import dev.weft.bench.NativeTool;
import dev.weft.bench.ReportWriter;
import dev.weft.bench.ToolReport;

/** {@code weft bench copy}: a tiny real run of weft copy, cp and rsync, and its refusals of bad sizes. */
class BenchCopyCommandTest {

    @Test
    void aTinyRunTimesWeftCpAndRsyncAndWritesTheSameReportAsJsonAndMarkdown(@TempDir Path dir) throws Exception {
        assumeTrue(NativeTool.locate("rsync", "rsync").isPresent(), "rsync is not installed and cannot be installed here");
        Path out = dir.resolve("out");

        CliTest.Result result = CliTest.run("bench", "copy", "--files", "150", "--large", "4m", "--rounds", "1",
                "--out", out.toString());

        assertThat(result.code()).as(result.err()).isZero();
        ToolReport report = ReportWriter.JSON.readValue(out.resolve("copy.json").toFile(), ToolReport.class);
        assertThat(report.rows()).extracting(ToolReport.Row::workload, ToolReport.Row::tool).containsExactly(
                tuple(CopyBench.SMALL, "weft"), tuple(CopyBench.SMALL, "cp"), tuple(CopyBench.SMALL, "rsync"),
                tuple(CopyBench.SMALL, CopyBench.WEFT_VERIFY), tuple(CopyBench.SMALL, CopyBench.CP_SHA256SUM),
                tuple(CopyBench.LARGE, "weft"), tuple(CopyBench.LARGE, "cp"), tuple(CopyBench.LARGE, "rsync"),
                tuple(CopyBench.LARGE, CopyBench.WEFT_VERIFY), tuple(CopyBench.LARGE, CopyBench.CP_SHA256SUM));
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.medianSeconds()).isPositive();
            assertThat(row.weftSpeedup()).isPositive();
        });
        assertThat(report.rows()).filteredOn(row -> row.workload().equals(CopyBench.LARGE))
                .allSatisfy(row -> assertThat(row.bytes()).isEqualTo(4L << 20));
        assertThat(report.goals()).hasSize(4).allSatisfy(goal -> assertThat(goal.met()).isNotNull());
        assertThat(Files.readString(out.resolve("copy.md"))).contains("## weft bench copy", "| small files | cp |",
                "| one large file | rsync |", "| one large file, weft --verify vs cp + sha256sum |");
        assertThat(result.out()).contains("report: " + out.resolve("copy.md"));
    }

    @Test
    void aBadLargeFileSizeIsOneLineNamingIt() {
        CliTest.Result result = CliTest.run("bench", "copy", "--large", "2x");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bad size '2x' (expected e.g. 1048576, 512k, 64M or 2G)");
    }

    @Test
    void zeroFilesIsRefusedBeforeAnythingIsWritten() {
        CliTest.Result result = CliTest.run("bench", "copy", "--files", "0");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bench copy: --files must be between 1 and 1000000, not 0");
    }
}
