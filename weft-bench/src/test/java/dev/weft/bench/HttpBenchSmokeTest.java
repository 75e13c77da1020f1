package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short real run, weft (virtual) and the JDK server driven by wrk, to keep the harness working. */
class HttpBenchSmokeTest {

    @BeforeAll
    static void wrkIsThere() throws Exception {
        boolean available;
        try {
            Wrk.locate();
            available = true;
        } catch (ToolMissingException e) {
            available = false;
        }
        assumeTrue(available, "wrk is not installed and cannot be installed here");
    }

    @Test
    void runsWeftAndAPeerAndWritesTheSameFiguresAsJsonAndMarkdown(@TempDir Path work) throws Exception {
        HttpBenchSettings settings = new HttpBenchSettings(Duration.ofSeconds(1), 8, List.of(Peer.WEFT, Peer.JDK),
                List.of("virtual"), 1, Duration.ZERO, 0, 50, work.resolve("out"));
        List<String> progress = new ArrayList<>();
        HttpReport report = new HttpBench(settings, progress::add).run("weft bench http (smoke test)", work);

        assertThat(report.results()).extracting(HttpReport.Result::server).containsOnly("weft (virtual)", "jdk");
        assertThat(report.results()).hasSize(2 * Endpoint.values().length)
                .allSatisfy(r -> {
                    assertThat(r.rps()).isPositive();
                    assertThat(r.errors()).isZero();
                    assertThat(r.rssKiB()).isPositive();
                    assertThat(r.vsWeft()).isNotNull();
                    assertThat(r.vsBestPeer()).isNotNull();
                });
        assertThat(report.results()).filteredOn(r -> r.server().equals("weft (virtual)")).extracting(HttpReport.Result::vsWeft)
                .containsOnly(1.0);
        assertThat(report.idle()).extracting(HttpReport.IdleResult::opened).containsOnly(50);
        assertThat(report.servers()).allSatisfy(s -> assertThat(s.config()).isNotEmpty());
        assertThat(report.targets()).extracting(HttpReport.Target::name).contains("first response after launch");

        Path md = ReportWriter.write(report, settings.out());
        HttpReport read = ReportWriter.JSON.readValue(settings.out().resolve("http.json").toFile(), HttpReport.class);
        assertThat(read).isEqualTo(report);
        assertThat(Files.readString(md)).contains("| jdk | hello |", "weft (virtual)", String.join(" ", JvmFlags.FLAGS));
    }
}
