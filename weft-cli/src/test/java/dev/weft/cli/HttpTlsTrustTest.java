package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.ServerConfig;
import dev.weft.tls.Tls;
import dev.weft.http.HttpResponse;
import dev.weft.http.HttpServer;

/** weft get against weft's own TLS server with a self-signed certificate: verified by default, --cacert, --pin, -k. */
class HttpTlsTrustTest {

    @TempDir
    Path work;
    private final Tls tls = Tls.selfSigned();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.start(ServerConfig.builder("HTTPS").tls(tls.serverContext()).build(),
                request -> HttpResponse.text(200, "secret page"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url() {
        return "https://127.0.0.1:" + server.port() + "/";
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefaultWithTheWayOut() {
        HttpCommandsTest.Run run = HttpCommandsTest.weft("get", url());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("weft: TLS with 127.0.0.1 port " + server.port() + " failed: the server's certificate is not trusted")
                .contains("--cacert FILE, --pin sha256:... or -k").hasLineCount(1);
    }

    @Test
    void cacertTrustsTheCertificateInAPemFile() throws IOException {
        Path cert = work.resolve("cert.pem");
        tls.writePem(cert, work.resolve("key.pem"));
        HttpCommandsTest.Run run = HttpCommandsTest.weft("get", url(), "--cacert", cert.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("secret page");
    }

    @Test
    void pinTrustsTheFingerprintTheServerPrints() {
        HttpCommandsTest.Run run = HttpCommandsTest.weft("get", url(), "--pin", "sha256:" + tls.fingerprint());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("secret page");
    }

    @Test
    void aWrongPinIsRefused() {
        HttpCommandsTest.Run run = HttpCommandsTest.weft("get", url(), "--pin", "sha256:" + "AB:".repeat(31) + "AB");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("not the pinned one").hasLineCount(1);
    }

    @Test
    void insecureSkipsTheCheckAndWarns() {
        HttpCommandsTest.Run run = HttpCommandsTest.weft("get", url(), "-k");
        assertThat(run.out()).isEqualTo("secret page");
        assertThat(run.err()).isEqualTo("weft: warning: -k: the server's certificate is not checked" + System.lineSeparator());
    }

    @Test
    void aMissingCaFileIsOneLine() {
        Path missing = work.resolve("ca.pem");
        HttpCommandsTest.Run run = HttpCommandsTest.weft("get", url(), "--cacert", missing.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("weft: cannot read " + missing + ": no such file or directory" + System.lineSeparator());
    }

    @Test
    void aPlainUrlToTheTlsPortSaysSoInOneLine() {
        HttpCommandsTest.Run run = HttpCommandsTest.weft("get", "http://127.0.0.1:" + server.port() + "/", "--idle-timeout", "5s");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("did not answer in HTTP (a TLS port? try https://)").hasLineCount(1);
    }
}
