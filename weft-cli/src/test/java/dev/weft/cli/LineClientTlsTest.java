package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.services.echo.Echo;
import dev.weft.tls.Tls;

/** The echo and time clients with --tls against weft's own TLS echo server: trusted as weft get trusts. */
class LineClientTlsTest {

    @TempDir
    Path work;
    private final Tls tls = Tls.selfSigned();
    private TcpServer server;

    @BeforeEach
    void start() throws IOException {
        server = TcpServer.start(ServerConfig.builder("echo").bind("127.0.0.1", 0).tls(tls.serverContext()).build(), Echo.tcp());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private StdinCommandRun client(String service, String... options) {
        List<String> args = new ArrayList<>(List.of(service, "client", "127.0.0.1", Integer.toString(server.port())));
        args.addAll(List.of(options));
        return StdinCommandRun.withInput("secret line\n", args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo", "time"})
    void thePinnedFingerprintIsTrusted(String service) {
        StdinCommandRun run = client(service, "--tls", "--pin", "sha256:" + tls.fingerprint());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("secret line" + System.lineSeparator());
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aCaFileIsTrusted() throws IOException {
        Path cert = work.resolve("cert.pem");
        tls.writePem(cert, work.resolve("key.pem"));
        StdinCommandRun run = client("echo", "--tls", "--cacert", cert.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("secret line" + System.lineSeparator());
    }

    @Test
    void anUntrustedCertificateIsOneLineWithTheWayOut() {
        StdinCommandRun run = client("echo", "--tls");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("weft: TLS with 127.0.0.1 port " + server.port() + " failed: the server's certificate is not trusted")
                .contains("--cacert FILE, --pin sha256:... or -k").hasLineCount(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void insecureSkipsTheCheckAndWarns() {
        StdinCommandRun run = client("echo", "--tls", "-k");
        assertThat(run.out()).isEqualTo("secret line" + System.lineSeparator());
        assertThat(run.err()).isEqualTo("weft: warning: -k: the server's certificate is not checked" + System.lineSeparator());
    }

    @Test
    void trustOptionsWithoutTlsAreAUsageError() {
        StdinCommandRun run = client("echo", "-k");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("weft: --cacert, --pin and -k go with --tls");
    }

    @Test
    void tlsOverUdpIsAUsageError() {
        StdinCommandRun run = client("time", "--tls", "--udp");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("weft: --tls is for TCP");
    }

    @Test
    void tlsToAPlainPortIsOneLine() throws IOException {
        try (TcpServer plain = TcpServer.start(ServerConfig.builder("echo").bind("127.0.0.1", 0).build(), Echo.tcp())) {
            StdinCommandRun run = StdinCommandRun.withInput("x\n", "echo", "client", "127.0.0.1",
                    Integer.toString(plain.port()), "--tls", "-k", "--timeout", "5s");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines().filter(l -> !l.startsWith("weft: warning"))).singleElement().asString()
                    .startsWith("weft: TLS with 127.0.0.1 port " + plain.port() + " failed: ")
                    .contains("try without --tls");
        }
    }
}
