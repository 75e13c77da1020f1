package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.event.WindowEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the window is quitting: every server the tabs started stops, and the app ends with 0. */
class QuitTest {

    @TempDir
    Path config;

    @Test
    void closingTheWindowStopsTheServersItStartedAndExitsZero() throws Exception {
        try (GuiDriver gui = GuiDriver.open(config)) {
            gui.tab("Servers");
            ServersPanel servers = gui.window().servers();
            gui.edt(() -> {
                servers.kindBox().setSelectedItem(ServiceKind.ECHO);
                servers.portField().setText("0");
            });
            gui.click(servers.startButton());
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> servers.cards().size() == 1));
            int port = servers.cards().getFirst().service().server().port();

            gui.edt(() -> gui.window().frame().dispatchEvent(new WindowEvent(gui.window().frame(), WindowEvent.WINDOW_CLOSING)));
            await().atMost(Duration.ofSeconds(20)).until(gui.window()::exited);

            assertThat(gui.window().awaitExit()).isZero();
            try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
            assertThat(Files.exists(config.resolve(WindowPlace.FILE))).isTrue();
        }
    }
}
