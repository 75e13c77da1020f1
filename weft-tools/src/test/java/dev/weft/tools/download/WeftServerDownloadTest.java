package dev.weft.tools.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.http.HttpServer;
import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;

/** weft download against weft's own HTTP server, under every concurrency model: lengths, chunks, resume, redirects. */
class WeftServerDownloadTest {

    @TempDir
    Path site;

    @TempDir
    Path dir;

    static Stream<Model> models() {
        return Model.all().stream();
    }

    private Report download(HttpServer server, String... paths) throws InterruptedException {
        List<URI> urls = Stream.of(paths).map(path -> URI.create("http://127.0.0.1:" + server.port() + path)).toList();
        return Downloader.download(DownloadOptions.of(urls, dir).withBackoff(Duration.ofMillis(5))
                .withTimeout(Duration.ofSeconds(5)), Progress.none());
    }

    @ParameterizedTest
    @MethodSource("models")
    void aFileLargerThanTheReadBufferArrivesByteForByte(Model model) throws Exception {
        byte[] bytes = WeftSite.publish(site, "big.bin", 5 * ReadBuffers.MAX + 12_345);
        try (HttpServer server = WeftSite.start(model, site)) {
            Report report = download(server, "/files/big.bin");

            assertThat(report.failures()).isEmpty();
            assertThat(report.bytes()).isEqualTo(bytes.length);
        }
        assertThat(Files.readAllBytes(dir.resolve("big.bin"))).isEqualTo(bytes);
    }

    @ParameterizedTest
    @MethodSource("models")
    void aChunkedBodyArrivesWithoutItsFraming(Model model) throws Exception {
        try (HttpServer server = WeftSite.start(model, site)) {
            Report report = download(server, "/chunked/250000/stream.bin");

            assertThat(report.failures()).isEmpty();
        }
        assertThat(Files.readAllBytes(dir.resolve("stream.bin")))
                .isEqualTo(TestFileServer.content("/chunked/250000/stream.bin", 250_000));
    }

    @ParameterizedTest
    @MethodSource("models")
    void aPartialFileIsCompletedWithARangeRequest(Model model) throws Exception {
        byte[] bytes = WeftSite.publish(site, "part.bin", 300_000);
        URI url;
        try (HttpServer server = WeftSite.start(model, site)) {
            url = URI.create("http://127.0.0.1:" + server.port() + "/files/part.bin");
            Path temp = Fetch.tempFile(dir, url);
            Files.write(temp, java.util.Arrays.copyOf(bytes, 123_456));

            Report report = download(server, "/files/part.bin");

            assertThat(report.failures()).isEmpty();
            assertThat(report.bytes()).isEqualTo(bytes.length);
            assertThat(temp).doesNotExist();
        }
        assertThat(Files.readAllBytes(dir.resolve("part.bin"))).isEqualTo(bytes);
    }

    @ParameterizedTest
    @MethodSource("models")
    void fiveRedirectsAreFollowedToTheFile(Model model) throws Exception {
        byte[] bytes = WeftSite.publish(site, "far.txt", 1000);
        try (HttpServer server = WeftSite.start(model, site)) {
            Report report = download(server, "/hop/4/far.txt");

            assertThat(report.failures()).isEmpty();
        }
        assertThat(Files.readAllBytes(dir.resolve("far.txt"))).isEqualTo(bytes);
    }

    @ParameterizedTest
    @MethodSource("models")
    void aSixthRedirectIsNotFollowedAndNotRetried(Model model) throws Exception {
        WeftSite.publish(site, "too-far.txt", 10);
        try (HttpServer server = WeftSite.start(model, site)) {
            Report report = download(server, "/hop/5/too-far.txt");

            assertThat(report.failures()).extracting(Outcome::reason).containsExactly("HTTP 302 (more than 5 redirects)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    static Stream<Model> inProcessModels() {
        return Model.inProcess().stream(); // under processes the workers accept, and the parent counts no connections
    }

    @ParameterizedTest
    @MethodSource("inProcessModels")
    void manyFilesFromOneServerShareAConnectionPerRunningDownload(Model model) throws Exception {
        String[] paths = new String[30];
        for (int i = 0; i < paths.length; i++) {
            WeftSite.publish(site, "f" + i + ".bin", 1000 + i);
            paths[i] = "/files/f" + i + ".bin";
        }
        try (HttpServer server = WeftSite.start(model, site)) {
            List<URI> urls = Stream.of(paths).map(path -> URI.create("http://127.0.0.1:" + server.port() + path)).toList();
            Report report = Downloader.download(DownloadOptions.of(urls, dir).withParallel(2), Progress.none());

            assertThat(report.done()).isEqualTo(30);
            assertThat(server.tcp().metrics().snapshot().acceptedTotal()).isBetween(1L, 2L);
        }
        assertThat(Files.readAllBytes(dir.resolve("f29.bin"))).hasSize(1029);
    }
}
