package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.services.files.Download;
import dev.weft.services.files.FilesService;
import dev.weft.services.files.SharedDirectory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Files tab as a client of a real {@code weft files} server on loopback. */
class FilesTabTest {

    private static final int SIZE = 50 << 20;

    @TempDir
    Path config;
    @TempDir
    Path shared;
    @TempDir
    Path saved;

    private Path original;

    @BeforeEach
    void fiftyMebibytesToShare() throws Exception {
        byte[] bytes = new byte[SIZE];
        new Random(7).nextBytes(bytes);
        original = Files.write(shared.resolve("big.bin"), bytes);
    }

    @Test
    void a50MiBDownloadReaches100PercentWithIdenticalBytes() throws Exception {
        try (TcpServer server = TcpServer.start(ServerConfig.builder("files").build(), FilesService.create(SharedDirectory.open(shared, false)));
             GuiDriver gui = GuiDriver.open(config)) {
            FilesPanel files = connect(gui, server.port());
            gui.edt(() -> files.table().setRowSelectionInterval(0, 0));
            gui.click(files.downloadButton());

            await().atMost(Duration.ofSeconds(60)).until(() -> gui.onEdt(() -> !files.rows().isEmpty()
                    && files.rows().getFirst().state() == TransferRow.State.DONE));
            TransferRow row = files.rows().getFirst();
            assertThat(gui.onEdt(() -> row.bar().getValue())).isEqualTo(100);
            assertThat(gui.onEdt(() -> row.bar().getString())).startsWith("100% · 50.0 MiB, SHA-256 verified");
            assertThat(Files.mismatch(original, saved.resolve("big.bin"))).isEqualTo(-1);
            gui.screenshot("files");
        }
    }

    @Test
    void cancelLeavesNoFinalFileAndResumeFinishesIt() throws Exception {
        try (TcpServer server = TcpServer.start(ServerConfig.builder("files").build(), FilesService.create(SharedDirectory.open(shared, false)));
             GatedProxy proxy = new GatedProxy(new InetSocketAddress("127.0.0.1", server.port()), 8 << 20);
             GuiDriver gui = GuiDriver.open(config)) {
            FilesPanel files = connect(gui, proxy.port());
            gui.edt(() -> files.table().setRowSelectionInterval(0, 0));
            gui.click(files.downloadButton());
            await().atMost(Duration.ofSeconds(30)).until(() -> gui.onEdt(() -> !files.rows().isEmpty()
                    && files.rows().getFirst().bar().getValue() >= 10));
            TransferRow row = files.rows().getFirst();

            gui.click(row.action());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(row.state())
                    .as("%s / %s", gui.onEdt(() -> row.bar().getString()), gui.onEdt(() -> row.action().getText()))
                    .isEqualTo(TransferRow.State.CANCELLED));
            Path target = saved.resolve("big.bin");
            assertThat(target).doesNotExist();
            assertThat(Download.partialFile(target)).exists();
            assertThat(gui.onEdt(() -> row.action().getText())).isEqualTo("Resume");

            proxy.open();
            gui.click(row.action());
            await().atMost(Duration.ofSeconds(60)).until(() -> row.state() == TransferRow.State.DONE);
            assertThat(gui.onEdt(() -> row.bar().getString())).contains("resumed at");
            assertThat(Files.mismatch(original, target)).isEqualTo(-1);
            assertThat(Download.partialFile(target)).doesNotExist();
        }
    }

    private FilesPanel connect(GuiDriver gui, int port) {
        gui.tab("Files");
        FilesPanel files = gui.window().files();
        gui.edt(() -> {
            files.serverField().setText("127.0.0.1:" + port);
            files.saveToField().setText(saved.toString());
        });
        gui.click(files.connectButton());
        await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> files.table().getRowCount() == 1));
        assertThat(gui.onEdt(() -> files.status().getText())).startsWith("Connected to 127.0.0.1:" + port + " (plain");
        return files;
    }
}
