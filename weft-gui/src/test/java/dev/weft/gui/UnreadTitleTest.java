package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import javax.swing.JFrame;
import javax.swing.JTextField;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While another window is in front, the title counts the chat messages that arrived; coming back clears it. */
class UnreadTitleTest {

    @TempDir
    Path config;

    @Test
    void theTitleCountsMessagesThatArriveWhileTheWindowIsInactive() throws Exception {
        try (GuiDriver gui = GuiDriver.open(config);
             DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            gui.tab("Chat");
            ChatPanel chat = gui.window().chat();
            gui.edt(() -> {
                chat.portField().setText("0");
                chat.peersField().setText("127.0.0.1:" + peer.getLocalPort());
            });
            gui.click(chat.startButton());
            await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> chat.input().isEnabled()));
            int port = chat.runningChat().address().getPort();

            JTextField elsewhere = new JTextField(20);
            JFrame other = gui.onEdt(() -> {
                JFrame frame = new JFrame("another app");
                frame.add(elsewhere);
                frame.setBounds(1000, 700, 260, 80);
                frame.setVisible(true);
                return frame;
            });
            try {
                gui.focus(elsewhere);
                await().atMost(Duration.ofSeconds(15)).until(() -> gui.onEdt(() -> !gui.window().frame().isActive()));
                for (String text : new String[] {"one", "two"}) {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    peer.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> gui.window().frame().getTitle()).equals("weft (2 unread)"));

                gui.click(chat.messageList());
                await().atMost(Duration.ofSeconds(15)).until(() -> gui.onEdt(() -> gui.window().frame().getTitle()).equals("weft"));
            } finally {
                gui.edt(other::dispose);
            }
            assertThat(gui.onEdt(() -> chat.messageList().getRowCount())).isEqualTo(2);
        }
    }
}
