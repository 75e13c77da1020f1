package dev.weft.tools.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.client.ClientTrust;
import dev.weft.engine.Model;
import dev.weft.http.HttpServer;
import dev.weft.tls.Tls;
import dev.weft.tools.progress.Outcome;
import dev.weft.tools.progress.Progress;
import dev.weft.tools.progress.Report;

/** weft download over https from weft's server: trust from a CA file, refusal of an unknown certificate, redirects. */
class TlsDownloadTest {

    static final Tls TLS = Tls.selfSigned();

    @TempDir
    Path site;

    @TempDir
    Path dir;

    static Stream<Model> models() {
        return Model.all().stream();
    }

    private Report download(URI url, ClientTrust trust) throws InterruptedException {
        return Downloader.download(DownloadOptions.of(List.of(url), dir).withTrust(trust).withRetries(2)
                .withBackoff(Duration.ofMillis(5)).withTimeout(Duration.ofSeconds(5)), Progress.none());
    }

    @ParameterizedTest
    @MethodSource("models")
    void aServerSignedByTheCaFileIsDownloadedFromWithItsNameChecked(Model model) throws Exception {
        byte[] bytes = WeftSite.publish(site, "secret.bin", 3 * ReadBuffers.MAX + 7);
        try (HttpServer server = WeftSite.startTls(model, site, TLS, Files.createDirectories(site.resolve("pem")))) {
            Report report = download(URI.create("https://localhost:" + server.port() + "/files/secret.bin"),
                    ClientTrust.of(site.resolve("pem/cert.pem"), null, false));

            assertThat(report.failures()).isEmpty();
        }
        assertThat(Files.readAllBytes(dir.resolve("secret.bin"))).isEqualTo(bytes);
    }

    @Test
    void aCertificateNotTrustedFailsAtOnceSayingHowToTrustIt() throws Exception {
        WeftSite.publish(site, "x.txt", 10);
        try (HttpServer server = WeftSite.startTls(new Model.Virtual(), site, TLS, Files.createDirectories(site.resolve("pem")))) {
            Report report = download(URI.create("https://127.0.0.1:" + server.port() + "/files/x.txt"), ClientTrust.system());

            assertThat(report.failures()).extracting(Outcome::reason).singleElement().asString()
                    .startsWith("the server's certificate is not trusted").endsWith("use --cacert FILE, --pin sha256:... or -k")
                    .doesNotContain("attempts");
        }
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        WeftSite.publish(site, "x.txt", 10);
        Path other = Files.createDirectories(site.resolve("other"));
        Tls.selfSigned().writePem(other.resolve("cert.pem"), other.resolve("key.pem"));
        try (HttpServer server = WeftSite.startTls(new Model.Virtual(), site, TLS, Files.createDirectories(site.resolve("pem")))) {
            Report report = download(URI.create("https://127.0.0.1:" + server.port() + "/files/x.txt"),
                    ClientTrust.of(other.resolve("cert.pem"), null, false));

            assertThat(report.failures()).extracting(Outcome::reason).singleElement().asString()
                    .startsWith("the server's certificate is not trusted");
        }
    }

    @Test
    void aRedirectFromHttpsToHttpIsNotFollowed() throws Exception {
        WeftSite.publish(site, "x.txt", 10);
        try (HttpServer plain = WeftSite.start(new Model.Virtual(), site);
             HttpServer server = WeftSite.startTls(new Model.Virtual(), site, TLS, Files.createDirectories(site.resolve("pem")))) {
            String target = "http://127.0.0.1:" + plain.port() + "/files/x.txt";
            Report report = download(URI.create("https://127.0.0.1:" + server.port() + "/to/"
                    + URLEncoder.encode(target, StandardCharsets.UTF_8)), ClientTrust.of(null, TLS.fingerprint(), false));

            assertThat(report.failures()).extracting(Outcome::reason)
                    .containsExactly("HTTP 302 (a redirect from https to http is not followed: " + target + ")");
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aPlainServerAskedForHttpsSaysToUseHttp() throws Exception {
        WeftSite.publish(site, "x.txt", 10);
        try (HttpServer plain = WeftSite.start(new Model.Virtual(), site)) {
            Report report = download(URI.create("https://127.0.0.1:" + plain.port() + "/files/x.txt"), ClientTrust.system());

            assertThat(report.failures()).extracting(Outcome::reason).containsExactly("the server did not answer in TLS: use an http:// URL");
        }
    }

    @Test
    void manyHttpsFilesShareTheirConnections() throws Exception {
        List<URI> urls = new java.util.ArrayList<>();
        try (HttpServer server = WeftSite.startTls(new Model.Virtual(), site, TLS, Files.createDirectories(site.resolve("pem")))) {
            for (int i = 0; i < 20; i++) {
                WeftSite.publish(site, "t" + i + ".txt", 100 + i);
                urls.add(URI.create("https://127.0.0.1:" + server.port() + "/files/t" + i + ".txt"));
            }
            Report report = Downloader.download(DownloadOptions.of(urls, dir).withParallel(1)
                    .withTrust(ClientTrust.of(null, TLS.fingerprint(), false)), Progress.none());

            assertThat(report.done()).isEqualTo(20);
            assertThat(server.tcp().metrics().snapshot().acceptedTotal()).isEqualTo(1);
        }
    }
}
