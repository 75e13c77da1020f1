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

/**
 * A short real run, weft (default), the JDK server and nginx in its two configurations driven by wrk on the
 * engine's hello, the web-app route, the 4 KiB file and the same file over TLS, to keep the harness working.
 */
class HttpBenchSmokeTest {

    @BeforeAll
    static void wrkAndNginxAreThere() throws Exception {
        boolean available;
        try {
            Wrk.locate();
            Nginx.locate();
            available = true;
        } catch (ToolMissingException e) {
            available = false;
        }
        assumeTrue(available, "wrk or nginx is not installed and cannot be installed here");
    }

    @Test
    void runsEveryConfigurationOnEveryLoadItServesAndWritesTheSameFiguresAsJsonAndMarkdown(@TempDir Path work)
            throws Exception {
        HttpBenchSettings settings = new HttpBenchSettings(Duration.ofSeconds(1), 8, List.of(Peer.WEFT, Peer.JDK, Peer.NGINX),
                List.of(), 1, Duration.ZERO, HttpBenchSettings.parseLoads(List.of("hello", "route", "static-4k", "https-4k"), 8),
                50, work.resolve("out"));
        List<String> progress = new ArrayList<>();
        HttpReport report = new HttpBench(settings, progress::add).run("weft bench http (smoke test)", work);

        List<String> servers = settings.contenders().stream().map(Contender::name).toList();
        assertThat(servers).startsWith("weft (default)", "jdk", "nginx (1 worker)", "nginx (2 workers)");
        assertThat(report.results()).extracting(HttpReport.Result::server).containsAll(servers);
        // three plain loads on every server, the TLS load on weft (default) and nginx only
        assertThat(report.results()).hasSize(3 * servers.size() + servers.size() - 1)
                .allSatisfy(r -> {
                    assertThat(r.rps()).isPositive();
                    assertThat(r.errors()).isZero();
                    assertThat(r.rssKiB()).isPositive();
                    assertThat(r.vsWeft()).isNotNull();
                    assertThat(r.vsBestPeer()).isNotNull();
                });
        assertThat(report.results()).filteredOn(r -> r.load().equals("https static 4 KiB"))
                .extracting(HttpReport.Result::server).doesNotContain("jdk");
        assertThat(report.results()).filteredOn(r -> r.server().equals("weft (default)"))
                .extracting(HttpReport.Result::vsWeft).containsOnly(1.0);
        assertThat(report.idle()).extracting(HttpReport.IdleResult::opened).containsOnly(50);
        assertThat(report.servers()).allSatisfy(s -> assertThat(s.config()).isNotEmpty());
        assertThat(report.servers().stream().filter(s -> s.server().equals("nginx (2 workers)")).findFirst().orElseThrow()
                .config()).contains("worker_processes 2;");
        assertThat(report.servers().getFirst().config().getFirst())
                .startsWith("weft with no --model: the default, " + dev.weft.http.HttpServer.DEFAULT_MODEL.spec() + ";");
        assertThat(report.targets()).filteredOn(t -> t.name().equals("https static 4 KiB -c8 vs nginx ssl"))
                .singleElement().satisfies(t -> assertThat(t.met()).isNotNull());
        assertThat(progress.getFirst()).matches("\\d+ server configurations, 4 loads, 1 round\\(s\\) of 1 s: about \\d+ min");

        Path md = ReportWriter.write(report, settings.out());
        HttpReport read = ReportWriter.JSON.readValue(settings.out().resolve("http.json").toFile(), HttpReport.class);
        assertThat(read).isEqualTo(report);
        assertThat(Files.readString(md)).contains("| jdk | hello route |", "weft (default)", "Resident memory under load",
                String.join(" ", JvmFlags.FLAGS));
    }
}
