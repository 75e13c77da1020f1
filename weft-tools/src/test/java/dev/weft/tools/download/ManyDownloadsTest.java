package dev.weft.tools.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;

/**
 * 500 downloads at once from the local server, a few of them broken: the good ones (including those whose connection
 * dropped midway or which failed twice first) arrive byte for byte, the broken ones are reported with their reason.
 */
class ManyDownloadsTest {

    @TempDir
    Path dir;

    @Test
    void fiveHundredDownloadsArriveIntactAndTheBrokenOnesAreReported() throws Exception {
        Map<String, Integer> good = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < 480; i++) {
            good.put("/ok/f" + i + ".bin", 1 + i * 97 % 20_000);
        }
        for (int i = 0; i < 8; i++) {
            good.put("/drop/1/d" + i + ".bin", 30_000);
        }
        for (int i = 0; i < 4; i++) {
            good.put("/flaky/2/r" + i + ".bin", 500);
        }
        for (int i = 0; i < 3; i++) {
            broken.add("/status/404/m" + i + ".bin");
            broken.add("/status/503/u" + i + ".bin");
        }
        broken.add("/drop/9/a0.bin");
        broken.add("/drop/9/a1.bin");
        AtomicLong bytesSeen = new AtomicLong();

        Report report;
        try (TestFileServer server = new TestFileServer()) {
            List<URI> urls = new ArrayList<>();
            good.forEach((path, size) -> urls.add(server.url(path + "?size=" + size)));
            broken.forEach(path -> urls.add(server.url(path + "?size=30000")));
            assertThat(urls).hasSize(500);

            report = Downloader.download(DownloadOptions.of(urls, dir).withParallel(32)
                    .withBackoff(Duration.ofMillis(5)).withTimeout(Duration.ofSeconds(10)), counting(bytesSeen));

            for (int i = 0; i < 8; i++) {
                assertThat(server.ranges("/drop/1/d" + i + ".bin")).containsExactly("-", "bytes=15000-");
            }
        }

        assertThat(report.done()).isEqualTo(good.size());
        assertThat(report.bytes()).isEqualTo(good.values().stream().mapToLong(Integer::longValue).sum());
        assertThat(bytesSeen.get()).isEqualTo(report.bytes() + 2 * 30_000 - 2 * 30_000 / (1 << 4));
        for (Map.Entry<String, Integer> file : good.entrySet()) {
            String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1);
            assertThat(Files.readAllBytes(dir.resolve(name))).as(name)
                    .isEqualTo(TestFileServer.content(file.getKey(), file.getValue()));
        }
        assertThat(report.failures()).extracting(Outcome::reason).containsExactly(
                "connection closed after 28125 of 30000 bytes (after 4 attempts)",
                "connection closed after 28125 of 30000 bytes (after 4 attempts)",
                "HTTP 404", "HTTP 404", "HTTP 404",
                "HTTP 503 (after 4 attempts)", "HTTP 503 (after 4 attempts)", "HTTP 503 (after 4 attempts)");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".part"))).hasSize(2);
        }
    }

    private static Progress counting(AtomicLong bytes) {
        return new Progress() {
            @Override public void planned(long items, long size) { }
            @Override public void transferred(long n) {
                bytes.addAndGet(n);
            }
            @Override public void finished(Outcome outcome) { }
        };
    }
}
