package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;
import dev.weft.tls.Tls;

/** Transfers over TLS: the framed protocol, the raw one (whose pause detection must survive TLS), and pinning. */
class TlsTransferTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Tls IDENTITY = Tls.selfSigned();

    @TempDir
    Path temp;

    Path dir;
    Path source;
    TcpServer server;

    @BeforeEach
    void start() throws IOException {
        dir = Files.createDirectories(temp.resolve("share"));
        source = FilesServers.randomFile(dir.resolve("secret.bin"), 2_000_000, 31);
        server = FilesServers.start(new Model.EventLoop(2), dir, false, IDENTITY.serverContext());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDownloadOverTlsIsVerified() throws IOException {
        try (FilesClient client = FilesClient.connect(FilesServers.endpoint(server),
                ClientTls.trusting(IDENTITY.trustingClientContext()), TIMEOUT)) {
            Download.Result result = client.get("secret.bin", temp.resolve("secret.bin"), TransferListener.NONE);

            assertThat(result.sha256()).isEqualTo(FilesServers.sha256(source));
        }
        assertThat(Files.mismatch(temp.resolve("secret.bin"), source)).isEqualTo(-1);
    }

    @Test
    void aPinnedFingerprintIsEnoughToTrustASelfSignedServer() throws IOException {
        try (FilesClient client = FilesClient.connect(FilesServers.endpoint(server), ClientTls.pinned(IDENTITY.fingerprint()), TIMEOUT)) {
            assertThat(client.list(".")).extracting(FilesClient.Entry::name).containsExactly("secret.bin");
        }
    }

    @Test
    void anotherCertificateThanThePinnedOneIsRefused() {
        String other = Tls.selfSigned().fingerprint();

        assertThatThrownBy(() -> FilesClient.connect(FilesServers.endpoint(server), ClientTls.pinned(other), TIMEOUT))
                .hasMessageContaining("TLS handshake with 127.0.0.1 failed");
    }

    @Test
    void theRawProtocolWorksInsideTlsWhereTheClientCannotHalfClose() throws IOException {
        Download.Result result = RawClient.get(FilesServers.endpoint(server), ClientTls.trusting(IDENTITY.trustingClientContext()),
                TIMEOUT, "secret.bin", temp.resolve("raw.bin"), TransferListener.NONE);

        assertThat(result.size()).isEqualTo(2_000_000);
        assertThat(Files.mismatch(temp.resolve("raw.bin"), source)).isEqualTo(-1);
    }
}
