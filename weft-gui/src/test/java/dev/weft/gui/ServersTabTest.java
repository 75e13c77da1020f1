package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import dev.weft.engine.Model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Servers tab: a folder over HTTP started from the window, under each model that runs in this JVM. */
class ServersTabTest {

    @TempDir
    Path config;
    @TempDir
    Path site;

    static Stream<String> models() {
        return Model.inProcess().stream().map(Model::spec);
    }

    @Test
    void aBusyPortOrAMissingFolderIsSaidInTheStatusLine() throws Exception {
        try (GuiDriver gui = GuiDriver.open(config); ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            gui.tab("Servers");
            ServersPanel servers = gui.window().servers();
            gui.edt(() -> {
                servers.kindBox().setSelectedItem(ServiceKind.ECHO);
                servers.portField().setText(Integer.toString(taken.getLocalPort()));
            });
            gui.click(servers.startButton());
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> servers.status().getText())
                    .startsWith("cannot start echo on port " + taken.getLocalPort() + ": "));

            gui.edt(() -> {
                servers.kindBox().setSelectedItem(ServiceKind.HTTP);
                servers.portField().setText("0");
                servers.folderField().setText(site.resolve("missing").toString());
            });
            gui.click(servers.startButton());
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> servers.status().getText())
                    .equals("cannot start folder over HTTP on port 0: not a directory: " + site.resolve("missing")));
            assertThat(gui.onEdt(() -> servers.cards().isEmpty())).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void anHttpServerStartedHereServesChartsAndFreesItsPortWhenStopped(String model) throws Exception {
        Files.writeString(site.resolve("index.html"), "<h1>served from the Servers tab</h1>\n");
        try (GuiDriver gui = GuiDriver.open(config); HttpClient http = HttpClient.newHttpClient()) {
            gui.tab("Servers");
            ServersPanel servers = gui.window().servers();
            gui.edt(() -> {
                servers.kindBox().setSelectedItem(ServiceKind.HTTP);
                servers.portField().setText("0");
                servers.modelBox().setSelectedItem(model);
                servers.folderField().setText(site.toString());
            });
            gui.click(servers.startButton());
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> servers.cards().size() == 1));
            ServerCard card = servers.cards().getFirst();
            int port = card.service().server().port();
            assertThat(gui.onEdt(() -> servers.status().getText())).contains("port " + port, "model: " + model);

            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("served from the Servers tab");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> card.points() >= 3
                    && card.plotted().stream().anyMatch(p -> p.perSecond() > 0)));
            if (model.equals(new Model.Virtual().spec())) {
                gui.screenshot("servers");
            }

            gui.click(card.stopButton());
            await().atMost(Duration.ofSeconds(15)).until(() -> gui.onEdt(() -> servers.cards().isEmpty()));
            try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
