package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short real run of weft bench files (16 MiB, one round): weft's server and client against nc, over 127.0.0.1. */
class FilesBenchSmokeTest {

    private static final long SIZE = 16L << 20;

    @BeforeAll
    static void ncIsThere() throws Exception {
        boolean available;
        try {
            Netcat.locate();
            available = true;
        } catch (ToolMissingException e) {
            available = false;
        }
        assumeTrue(available, "OpenBSD nc is not installed and cannot be installed here");
    }

    @Test
    void movesTheFileEveryWayAndReportsRatiosToNc(@TempDir Path work) throws Exception {
        List<String> progress = new ArrayList<>();
        FilesBench.Report report = new FilesBench(SIZE, 1, progress::add).run("weft bench files (smoke test)", work);

        assertThat(report.rows()).extracting(FilesBench.Row::method).containsExactly(FilesBench.WEFT_VERIFIED,
                FilesBench.WEFT_RAW, FilesBench.NC, FilesBench.LOCAL_COPY);
        assertThat(report.rows()).allSatisfy(r -> {
            assertThat(r.mbPerSecond()).isPositive();
            assertThat(r.roundsMbPerSecond()).hasSize(1);
            assertThat(r.vsNc()).isPositive();
        });
        assertThat(report.rows()).filteredOn(r -> r.method().equals(FilesBench.NC)).extracting(FilesBench.Row::vsNc)
                .containsExactly(1.0);
        assertThat(report.targets()).extracting(HttpReport.Target::name)
                .containsExactly("weft files (verified) vs nc", "weft files --raw vs nc");
        assertThat(report.sizeBytes()).isEqualTo(SIZE);
        assertThat(report.receiver()).contains("not /dev/null");
        assertThat(report.serverConfig()).anySatisfy(line -> assertThat(line).contains("FilesService"));
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("round 1/1 nc"));
    }

    @Test
    void leavesNoTransferredFileBehind(@TempDir Path work) throws Exception {
        new FilesBench(SIZE, 1, line -> { }).run("weft bench files (smoke test)", work);

        try (Stream<Path> all = Files.walk(work)) {
            assertThat(all.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".log"))).isEmpty();
        }
    }

    @Test
    void theReportReadsBackFromJsonAndShowsInMarkdown(@TempDir Path work) throws Exception {
        FilesBench.Report report = new FilesBench(SIZE, 1, line -> { }).run("weft bench files (smoke test)", work);

        String json = ReportWriter.JSON.writeValueAsString(report);
        assertThat(ReportWriter.JSON.readValue(json, FilesBench.Report.class)).isEqualTo(report);
        assertThat(FilesBench.markdown(report)).contains("| nc |", "| weft files (verified) |", "| 1.00 |",
                "16,777,216 bytes", "not /dev/null");
    }

    @Test
    void aGeneratedFileHasTheSizeAskedForAndNoHoles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.bin");
        FilesBench.generate(file, (3L << 20) + 5);

        assertThat(Files.size(file)).isEqualTo((3L << 20) + 5);
        String[] blocks = Tools.output(List.of("stat", "-c", "%b %B", file.toString()), java.time.Duration.ofSeconds(5)).split(" ");
        assertThat(Long.parseLong(blocks[0]) * Long.parseLong(blocks[1])).isGreaterThanOrEqualTo(Files.size(file));
        byte[] bytes = Files.readAllBytes(file);
        assertThat(java.util.Arrays.copyOfRange(bytes, 8, 1 << 20))
                .isNotEqualTo(new byte[(1 << 20) - 8]);
    }

    @Test
    void zeroRoundsAreRefused() {
        assertThatThrownBy(() -> new FilesBench(SIZE, 0, line -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rounds must be at least 1, not 0");
    }
}
