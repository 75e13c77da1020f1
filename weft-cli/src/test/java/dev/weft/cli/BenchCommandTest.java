package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.bench.FilesBench;
import dev.weft.bench.HttpReport;
import dev.weft.bench.NativeTool;
import dev.weft.bench.ReportWriter;

/** weft bench's command line: its help and one-line refusals of bad input before anything starts. */
class BenchCommandTest {

    @Test
    void helpListsHttpModelsFilesAndStartup() {
        CliTest.Result result = CliTest.run("bench", "--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("http", "models", "files", "startup");
    }

    @Test
    void anUnknownServerIsOneLineNamingItAndTheChoices() {
        CliTest.Result result = CliTest.run("bench", "http", "--servers", "weft,tomcat");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bench http: unknown server 'tomcat' "
                + "(expected one of weft, jetty, undertow, netty, helidon, jdk, nginx)");
    }

    @Test
    void anUnknownModelIsOneLineNamingIt() {
        CliTest.Result result = CliTest.run("bench", "http", "--models", "virtual,fibers");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("weft: bench http: unknown model 'fibers'");
    }

    @Test
    void tooManyIdleConnectionsIsRefusedBeforeAnythingStarts() {
        CliTest.Result result = CliTest.run("bench", "http", "--idle-connections", "50000");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("at most 15000 idle connections");
    }

    @Test
    void anUnknownLoadIsOneLineNamingItAndTheEndpoints() {
        CliTest.Result result = CliTest.run("bench", "http", "--loads", "route,gopher@64");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bench http: unknown endpoint 'gopher' "
                + "(expected one of hello, route, static-4k, static-1m, https-4k)");
    }

    @Test
    void aLoadWithABadConnectionCountIsRefused() {
        CliTest.Result result = CliTest.run("bench", "http", "--loads", "route@lots");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("bad load 'route@lots' (expected ENDPOINT[@CONNECTIONS], e.g. route@1000)");
    }

    @Test
    void aClientCountOutOfRangeIsRefused() {
        CliTest.Result result = CliTest.run("bench", "models", "--clients", "0");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bench models: --clients must be between 1 and 5000, not [0]");
    }

    @Test
    void aBadFileSizeIsOneLineNamingIt() {
        CliTest.Result result = CliTest.run("bench", "files", "--size", "2x");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bad size '2x' (expected e.g. 1048576, 512k, 64M or 2G)");
    }

    @Test
    void filesTimesWeftFilesGetInItsOwnProcessBesideTheInProcessClientAndNc(@TempDir Path dir) throws Exception {
        assumeTrue(ncAvailable(), "OpenBSD nc is not installed and cannot be installed here");
        Path out = dir.resolve("out");

        CliTest.Result result = CliTest.run("bench", "files", "--size", "2m", "--rounds", "1", "--out", out.toString());

        assertThat(result.code()).as(result.err()).isZero();
        FilesBench.Report report = ReportWriter.JSON.readValue(out.resolve("files.json").toFile(), FilesBench.Report.class);
        assertThat(report.rows()).extracting(FilesBench.Row::method).containsExactly(FilesBench.WEFT_VERIFIED,
                FilesBench.WEFT_RAW, FilesBench.WEFT_VERIFIED_PROCESS, FilesBench.WEFT_RAW_PROCESS, FilesBench.NC,
                FilesBench.LOCAL_COPY);
        assertThat(report.targets()).extracting(HttpReport.Target::name).contains(
                FilesBench.WEFT_VERIFIED_PROCESS + " vs nc", FilesBench.WEFT_RAW_PROCESS + " vs nc");
        assertThat(report.targets()).filteredOn(t -> t.name().contains("raw")).extracting(HttpReport.Target::goal)
                .containsOnly(">= 1.0x");
    }

    private static boolean ncAvailable() throws Exception {
        return NativeTool.locate("nc", "netcat-openbsd").isPresent();
    }

    @Test
    void anEmptyFileIsRefused() {
        CliTest.Result result = CliTest.run("bench", "files", "--size", "0");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("weft: bench files: size must be at least 1 byte, not 0");
    }
}
