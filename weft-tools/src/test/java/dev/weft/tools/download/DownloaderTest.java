package dev.weft.tools.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;

/** The downloader against a misbehaving local file server: retries, resume, stalls, names and failures. */
class DownloaderTest {

    @TempDir
    Path dir;

    TestFileServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new TestFileServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Report download(DownloadOptions options) throws InterruptedException {
        return Downloader.download(options, Progress.none());
    }

    private DownloadOptions options(String... paths) {
        List<URI> urls = java.util.Arrays.stream(paths).map(server::url).toList();
        return DownloadOptions.of(urls, dir).withBackoff(Duration.ofMillis(5)).withTimeout(Duration.ofSeconds(5));
    }

    private void assertSaved(String name, String path, int size) throws Exception {
        assertThat(Files.readAllBytes(dir.resolve(name))).isEqualTo(TestFileServer.content(path, size));
    }

    @Test
    void resumesADroppedDownloadWithARangeRequest() throws Exception {
        Report report = download(options("/drop/1/half.bin?size=100000"));

        assertThat(report.failures()).isEmpty();
        assertSaved("half.bin", "/drop/1/half.bin", 100_000);
        assertThat(server.ranges("/drop/1/half.bin")).containsExactly("-", "bytes=50000-");
    }

    @Test
    void startsOverWhenTheServerIgnoresRange() throws Exception {
        Report report = download(options("/norange/1/whole.bin?size=80000"));

        assertThat(report.failures()).isEmpty();
        assertThat(report.bytes()).isEqualTo(80_000);
        assertSaved("whole.bin", "/norange/1/whole.bin", 80_000);
    }

    @Test
    void resumesThePartialFileOfAnEarlierRun() throws Exception {
        Report first = download(options("/drop/1/later.bin?size=60000").withRetries(0));
        assertThat(first.failures()).hasSize(1);
        assertThat(dir.resolve("later.bin")).doesNotExist();

        Report second = download(options("/drop/1/later.bin?size=60000"));

        assertThat(second.failures()).isEmpty();
        assertSaved("later.bin", "/drop/1/later.bin", 60_000);
        // the server drops the connection after 30,000 bytes; how many of them arrived before the reset is up to the kernel
        assertThat(server.ranges("/drop/1/later.bin")).hasSize(2).first().isEqualTo("-");
        long resumedFrom = Long.parseLong(server.ranges("/drop/1/later.bin").get(1).replaceAll("bytes=(\\d+)-", "$1"));
        assertThat(resumedFrom).isBetween(1L, 30_000L);
    }

    @Test
    void retriesServerErrors() throws Exception {
        Report report = download(options("/flaky/2/busy.txt?size=10"));

        assertThat(report.done()).isEqualTo(1);
        assertThat(server.requests("/flaky/2/busy.txt")).isEqualTo(3);
    }

    @Test
    void givesUpOnServerErrorsAfterTheRetries() throws Exception {
        Report report = download(options("/status/500/broken.txt").withRetries(2));

        assertThat(report.failures()).extracting(Outcome::reason).containsExactly("HTTP 500 (after 3 attempts)");
        assertThat(server.requests("/status/500/broken.txt")).isEqualTo(3);
    }

    @Test
    void doesNotRetryClientErrors() throws Exception {
        Report report = download(options("/status/404/missing.txt"));

        assertThat(report.failures()).extracting(Outcome::item, Outcome::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        server.url("/status/404/missing.txt").toString(), "HTTP 404"));
        assertThat(server.requests("/status/404/missing.txt")).isEqualTo(1);
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void abandonsAStalledBodyAfterTheTimeoutAndResumes() throws Exception {
        Report report = download(options("/stall/slow.bin?size=40000").withTimeout(Duration.ofMillis(300)));

        assertThat(report.failures()).isEmpty();
        assertSaved("slow.bin", "/stall/slow.bin", 40_000);
        assertThat(server.ranges("/stall/slow.bin")).containsExactly("-", "bytes=20000-");
    }

    @Test
    void namesTheFileAfterContentDisposition() throws Exception {
        Report report = download(options("/named/report.txt?size=20"));

        assertThat(report.failures()).isEmpty();
        assertSaved("report.txt", "/named/report.txt", 20);
    }

    @Test
    void collidingNamesGetSuffixesAndExistingFilesAreNeverOverwritten() throws Exception {
        Files.writeString(dir.resolve("same.txt"), "mine");

        Report report = download(options("/ok/a/same.txt?size=10", "/ok/b/same.txt?size=11"));

        assertThat(report.done()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("same.txt"))).isEqualTo("mine");
        assertThat(List.of(Files.readAllBytes(dir.resolve("same-1.txt")), Files.readAllBytes(dir.resolve("same-2.txt"))))
                .containsExactlyInAnyOrder(TestFileServer.content("/ok/a/same.txt", 10),
                        TestFileServer.content("/ok/b/same.txt", 11));
    }

    @Test
    void reportsARefusedConnection() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/nothing.txt");

        Report report = download(DownloadOptions.of(List.of(closed), dir).withRetries(1).withBackoff(Duration.ZERO));

        assertThat(report.failures()).extracting(Outcome::reason)
                .containsExactly("connection refused (after 2 attempts)");
    }

    @Test
    void leavesNoTempFilesAfterSuccess() throws Exception {
        download(options("/drop/2/x.bin?size=5000", "/ok/y.bin?size=5"));

        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("x.bin", "y.bin");
        }
    }
}
