package dev.weft.tools.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.weft.tools.ftp.FtpFailure.Step;

/** Explicit FTPS (AUTH TLS, PROT P) against Apache FtpServer with a self-signed certificate. */
class FtpsTest {

    @TempDir
    static Path root;

    @TempDir
    Path local;

    private static FtpTestServer server;

    @BeforeAll
    static void startServer(@TempDir Path keys) throws Exception {
        FtpTestServer.write(root.resolve("secret.bin"), FtpSessionTest.bytes(50_000, 9));
        server = FtpTestServer.start(root, TestCertificate.create(keys));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void insecureAcceptsTheUntrustedCertificateAndTransfersOverTls() throws Exception {
        Path target = local.resolve("secret.bin");
        try (FtpSession session = FtpSession.open(server.anonymous(""), FtpOptions.defaults().withTls(true))) {
            assertThat(session.list("")).extracting(RemoteEntry::name).containsExactly("secret.bin");
            FileDownload.run(session, "secret.bin", target, true, TransferListener.NONE);
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(Files.readAllBytes(root.resolve("secret.bin")));
    }

    @Test
    void untrustedCertificateIsRefusedByDefault() {
        assertThatThrownBy(() -> FtpSession.open(server.anonymous(""), FtpOptions.defaults().withTls(false)))
                .isInstanceOfSatisfying(FtpFailure.class, e -> assertThat(e.step()).isEqualTo(Step.TLS))
                .hasMessageStartingWith("TLS negotiation with 127.0.0.1:" + server.port() + " failed: "
                        + "the server's certificate is not trusted")
                .hasMessageEndingWith("use --insecure to accept it knowingly");
    }

    @Test
    void tlsToAPlainServerFailsAtTheTlsStep(@TempDir Path plainRoot) throws Exception {
        try (FtpTestServer plain = FtpTestServer.start(plainRoot)) {
            assertThatThrownBy(() -> FtpSession.open(plain.anonymous(""), FtpOptions.defaults().withTls(true)))
                    .hasMessageStartingWith("TLS negotiation with 127.0.0.1:" + plain.port() + " failed");
        }
    }
}
