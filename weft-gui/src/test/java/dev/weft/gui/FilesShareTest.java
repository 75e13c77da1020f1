package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Share folder runs a files server inside the app; the same tab connects to it and uploads a file into it. */
class FilesShareTest {

    @TempDir
    Path config;
    @TempDir
    Path shared;
    @TempDir
    Path local;

    @Test
    void aSharedFolderIsServedAndAcceptsAnUploadWhenAllowed() throws Exception {
        Files.writeString(shared.resolve("readme.txt"), "shared from the window\n");
        byte[] bytes = new byte[3 << 20];
        new Random(3).nextBytes(bytes);
        Path upload = Files.write(local.resolve("photo.bin"), bytes);
        try (GuiDriver gui = GuiDriver.open(config)) {
            gui.tab("Files");
            FilesPanel files = gui.window().files();
            gui.edt(() -> {
                files.shareDirField().setText(shared.toString());
                files.sharePortField().setText("0");
                files.shareUploadsBox().setSelected(true);
            });
            gui.click(files.shareButton());
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> files.sharedServer() != null));
            int port = files.sharedServer().port();
            assertThat(gui.onEdt(() -> files.shareStatus().getText()))
                    .isEqualTo("Sharing " + shared.toRealPath() + " on port " + port + " (uploads allowed)");

            gui.edt(() -> files.serverField().setText("127.0.0.1:" + port));
            gui.click(files.connectButton());
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> files.table().getRowCount() == 1));
            gui.edt(() -> files.upload(upload));
            await().atMost(Duration.ofSeconds(30)).until(() -> files.rows().size() == 1
                    && files.rows().getFirst().state() == TransferRow.State.DONE);
            assertThat(Files.mismatch(upload, shared.resolve("photo.bin"))).isEqualTo(-1);
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> files.table().getRowCount() == 2));

            gui.click(files.shareButton());
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> files.shareStatus().getText()).equals("Not sharing."));
        }
    }
}
