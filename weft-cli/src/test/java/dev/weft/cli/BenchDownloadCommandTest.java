package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.bench.DownloadBench;
import dev.weft.bench.NativeTool;
import dev.weft.bench.ReportWriter;
import dev.weft.bench.ToolReport;

/** {@code weft bench download}: a tiny real run of weft download, wget and aria2c against weft's server on loopback. */
class BenchDownloadCommandTest {

    @Test
    void aTinyRunTimesWeftWgetAndAria2cAndWritesTheSameReportAsJsonAndMarkdown(@TempDir Path dir) throws Exception {
        assumeTrue(NativeTool.locate("wget", "wget").isPresent() && NativeTool.locate("aria2c", "aria2").isPresent(),
                "wget or aria2c is not installed and cannot be installed here");
        Path out = dir.resolve("out");

        CliTest.Result result = CliTest.run("bench", "download", "--files", "40", "--rounds", "1", "--out", out.toString());

        assertThat(result.code()).as(result.err()).isZero();
        ToolReport report = ReportWriter.JSON.readValue(out.resolve("download.json").toFile(), ToolReport.class);
        assertThat(report.rows()).extracting(ToolReport.Row::tool)
                .containsExactly("weft", "weft --parallel 16", "wget", "aria2c");
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.files()).isEqualTo(40);
            assertThat(row.medianSeconds()).isPositive();
        });
        assertThat(report.rows().getFirst().weftSpeedup()).isEqualTo(1.0);
        assertThat(report.goals()).extracting(ToolReport.Goal::name)
                .containsExactly("small files over HTTP vs aria2c", "small files over HTTP vs wget");
        assertThat(report.goals()).allSatisfy(goal -> assertThat(goal.met()).isNotNull());
        assertThat(Files.readString(out.resolve("download.md"))).contains("## weft bench download", "| small files over HTTP | aria2c |");
    }

    @Test
    void theLargeOptionAlsoTimesOneFileWithWeftCurlAndAria2c(@TempDir Path dir) throws Exception {
        assumeTrue(NativeTool.locate("wget", "wget").isPresent() && NativeTool.locate("aria2c", "aria2").isPresent()
                && NativeTool.locate("curl", "curl").isPresent(), "wget, aria2c or curl is not installed and cannot be installed here");
        Path out = dir.resolve("out");

        CliTest.Result result = CliTest.run("bench", "download", "--files", "5", "--large", "3m", "--rounds", "1",
                "--out", out.toString());

        assertThat(result.code()).as(result.err()).isZero();
        ToolReport report = ReportWriter.JSON.readValue(out.resolve("download.json").toFile(), ToolReport.class);
        assertThat(report.rows()).filteredOn(row -> row.workload().equals(DownloadBench.LARGE))
                .extracting(ToolReport.Row::tool).containsExactly("weft", "curl", "aria2c");
        assertThat(report.rows()).filteredOn(row -> row.workload().equals(DownloadBench.LARGE))
                .allSatisfy(row -> assertThat(row.bytes()).isEqualTo(3L << 20));
        assertThat(report.rows()).filteredOn(row -> row.workload().equals(DownloadBench.WORKLOAD))
                .allSatisfy(row -> assertThat(row.files()).isEqualTo(5));
        assertThat(report.goals()).extracting(ToolReport.Goal::name).contains("one large file over HTTP vs curl");
    }

    @Test
    void zeroRoundsIsRefusedBeforeAnythingStarts() {
        CliTest.Result result = CliTest.run("bench", "download", "--rounds", "0");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bench download: --rounds must be between 1 and 50, not 0");
    }
}
