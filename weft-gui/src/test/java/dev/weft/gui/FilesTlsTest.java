package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.services.files.FilesService;
import dev.weft.services.files.SharedDirectory;
import dev.weft.tls.Tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Files tab trusts a TLS server only by the fingerprint pasted into it, as {@code --tls-fingerprint} does. */
class FilesTlsTest {

    @TempDir
    Path config;
    @TempDir
    Path shared;

    @Test
    void theServersFingerprintConnectsAndAnyOtherIsRefused() throws Exception {
        Files.writeString(shared.resolve("note.txt"), "over TLS\n");
        Tls identity = Tls.selfSigned();
        String otherFingerprint = Tls.selfSigned().fingerprint();
        try (TcpServer server = TcpServer.start(ServerConfig.builder("files").tls(identity.serverContext()).build(),
                FilesService.create(SharedDirectory.open(shared, false)));
             GuiDriver gui = GuiDriver.open(config)) {
            gui.tab("Files");
            FilesPanel files = gui.window().files();

            gui.edt(() -> {
                files.serverField().setText("127.0.0.1:" + server.port());
                files.fingerprintField().setText(otherFingerprint);
            });
            gui.click(files.connectButton());
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> files.status().getText()).contains("not the pinned one"));
            assertThat(gui.onEdt(() -> files.table().getRowCount())).isZero();

            gui.edt(() -> files.fingerprintField().setText(identity.fingerprint()));
            gui.click(files.connectButton());
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> files.table().getRowCount() == 1));
            assertThat(gui.onEdt(() -> files.status().getText()))
                    .isEqualTo("Connected to 127.0.0.1:" + server.port() + " over TLS, certificate pinned to " + identity.fingerprint() + "; read-only");
        }
    }
}
