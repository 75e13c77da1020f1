package dev.weft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The nginx configuration weft bench http generates for each of nginx's configurations. */
class NginxTest {

    private static final Path PREFIX = Path.of("/tmp/prefix");
    private static final Path SITE = Path.of("/tmp/site");

    @Test
    void theWorkerCountIsNginxsWorkerProcesses() {
        assertThat(Nginx.config(PREFIX, new Nginx.Setup(SITE, 22001, 1, 0, null))).contains("worker_processes 1;\n");
        assertThat(Nginx.config(PREFIX, new Nginx.Setup(SITE, 22001, 2, 0, null))).contains("worker_processes 2;\n");
    }

    @Test
    void theHelloAndTheRouteAreAnsweredWithReturn200OnThePlainPort() {
        String config = Nginx.config(PREFIX, new Nginx.Setup(SITE, 22001, 1, 0, null));

        assertThat(config).contains("listen 127.0.0.1:22001 backlog=1024;", "location = /hello {", "location = /route {",
                "return 200 \"Hello, World!\";", "root /tmp/site;").doesNotContain("ssl");
    }

    @Test
    void aTlsPortServesTheSameLocationsWithTheRunsCertificateOverTls13() {
        ServerLauncher.TlsFiles tls = new ServerLauncher.TlsFiles(Path.of("/tmp/tls/cert.pem"), Path.of("/tmp/tls/key.pem"));
        String config = Nginx.config(PREFIX, new Nginx.Setup(SITE, 22001, 2, 22002, tls));

        String tlsServer = config.substring(config.indexOf("listen 127.0.0.1:22002 ssl"));
        assertThat(tlsServer).contains("ssl_certificate /tmp/tls/cert.pem;", "ssl_certificate_key /tmp/tls/key.pem;",
                "ssl_protocols TLSv1.3;", "location = /route {", "location /static/ {");
    }

    @Test
    void aTlsPortWithoutACertificateIsRefused() {
        assertThatThrownBy(() -> new Nginx.Setup(SITE, 22001, 1, 22002, null))
                .hasMessageContaining("a TLS port needs a certificate");
        assertThatThrownBy(() -> new Nginx.Setup(SITE, 22001, 0, 0, null))
                .hasMessage("nginx needs at least 1 worker, not 0");
    }
}
