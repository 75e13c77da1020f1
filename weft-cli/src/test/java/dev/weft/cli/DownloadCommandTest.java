package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** {@code weft download} from the command line, against a JDK HttpServer on 127.0.0.1. */
class DownloadCommandTest {

    @TempDir
    Path dir;

    HttpServer server;
    final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                if (exchange.getRequestURI().getPath().startsWith("/missing")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = exchange.getRequestURI().getPath().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int weft(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void downloadsUrlsFromTheCommandLineAndAList() throws Exception {
        Path list = Files.writeString(dir.resolve("urls.txt"), "# two more\n" + url("/b.txt") + "\n\n" + url("/c.txt") + "\n");

        int exit = weft("download", "-d", dir.resolve("out").toString(), "-i", list.toString(), url("/a.txt"));

        assertThat(exit).isZero();
        assertThat(Files.readString(dir.resolve("out/a.txt"))).isEqualTo("/a.txt");
        assertThat(Files.readString(dir.resolve("out/c.txt"))).isEqualTo("/c.txt");
        assertThat(out.toString()).contains("b.txt (6 B)", "downloaded 3 files (18 B)");
    }

    @Test
    void reportsFailuresAndExitsOne() {
        int exit = weft("download", "-d", dir.toString(), url("/ok.txt"), url("/missing.txt"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("failed: " + url("/missing.txt") + ": HTTP 404");
        assertThat(out.toString()).contains("downloaded 1 file", "1 failed");
    }

    @Test
    void rejectsAUrlThatIsNotHttpAsUsage() {
        int exit = weft("download", "ftp://example.org/file");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("weft: not an http or https URL: 'ftp://example.org/file'");
    }

    @Test
    void rejectsABadTimeoutAsUsage() {
        int exit = weft("download", "--timeout", "soon", url("/a.txt"));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    @Test
    void namesTheBadLineOfAList() throws Exception {
        Path list = Files.writeString(dir.resolve("urls.txt"), url("/a.txt") + "\nnot a url\n");

        int exit = weft("download", "-i", list.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("(line 2 of " + list + ")");
    }

    @Test
    void aMissingUrlListIsOneLineSayingWhy() {
        Path missing = dir.resolve("nofile.txt");
        int exit = weft("download", "-i", missing.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("weft: cannot read the URL list " + missing + ": no such file or directory"
                + System.lineSeparator());
    }

    @Test
    void aFolderThatCannotBeCreatedIsOneFatalLineBeforeAnyTransfer() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Path folder = file.resolve("sub");
        int exit = weft("download", "-d", folder.toString(), url("/a.txt"), url("/b.txt"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("weft: cannot create folder " + folder + ": not a directory" + System.lineSeparator());
        assertThat(requests).hasValue(0);
    }

    @Test
    void aLocalWriteErrorIsReportedOnceAndNotRetried() throws Exception {
        String url = url("/a.txt");
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
        // a folder where the download's partial file goes: a local error as root can be (permissions cannot)
        Files.createDirectory(dir.resolve(".weft-" + java.util.HexFormat.of().formatHex(digest, 0, 8) + ".part"));
        int exit = weft("download", "-d", dir.toString(), "--retries", "3", url);

        assertThat(exit).isEqualTo(1);
        assertThat(requests).hasValue(1);
        assertThat(err.toString()).contains("cannot write into " + dir + ": is a directory").doesNotContain("attempts");
        assertThat(err.toString().split("is a directory", -1)).hasSize(2);
    }

    @Test
    void anHttpsServerIsReachedByItsPinnedFingerprint() throws Exception {
        dev.weft.tls.Tls tls = dev.weft.tls.Tls.selfSigned();
        try (dev.weft.http.HttpServer https = https(tls, "secure")) {
            String url = "https://127.0.0.1:" + https.port() + "/s.txt";

            assertThat(weft("download", "-d", dir.resolve("untrusted").toString(), "--retries", "0", url)).isEqualTo(1);
            assertThat(weft("download", "-d", dir.toString(), "--pin", "sha256:" + tls.fingerprint(), url)).isZero();
            assertThat(Files.readString(dir.resolve("s.txt"))).isEqualTo("secure");
        }
    }

    @Test
    void anHttpsServerIsTrustedThroughACaFile() throws Exception {
        dev.weft.tls.Tls tls = dev.weft.tls.Tls.selfSigned();
        Path ca = dir.resolve("ca.pem");
        tls.writePem(ca, dir.resolve("key.pem"));
        try (dev.weft.http.HttpServer https = https(tls, "by the CA")) {
            String url = "https://localhost:" + https.port() + "/ca.txt";

            int exit = weft("download", "-d", dir.resolve("out").toString(), "--cacert", ca.toString(), url);

            assertThat(exit).isZero();
            assertThat(Files.readString(dir.resolve("out/ca.txt"))).isEqualTo("by the CA");
        }
    }

    @Test
    void anUntrustedCertificateIsOneLineSayingHowToTrustIt() throws Exception {
        dev.weft.tls.Tls tls = dev.weft.tls.Tls.selfSigned();
        try (dev.weft.http.HttpServer https = https(tls, "secure")) {
            String url = "https://127.0.0.1:" + https.port() + "/s.txt";

            int exit = weft("download", "-d", dir.toString(), url);

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("failed: " + url + ": the server's certificate is not trusted (",
                    "); use --cacert FILE, --pin sha256:... or -k").doesNotContain("attempts", "Exception");
        }
    }

    /** weft's HTTP server over TLS with {@code tls}'s certificate, answering every request with {@code body}. */
    private static dev.weft.http.HttpServer https(dev.weft.tls.Tls tls, String body) throws java.io.IOException {
        return dev.weft.http.HttpServer.start(dev.weft.engine.ServerConfig.builder("HTTPS").tls(tls.serverContext())
                .build(), request -> dev.weft.http.HttpResponse.text(200, body));
    }
}
