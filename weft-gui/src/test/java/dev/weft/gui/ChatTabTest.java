package dev.weft.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.event.KeyEvent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import javax.swing.JTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Chat tab against a peer that speaks as the seeds' Python chat does: plain text datagrams in one encoding
 * from a UDP socket. A message typed in the window reaches the peer; the peer's reply appears in the list.
 */
class ChatTabTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path config;

    @Test
    void aTypedMessageReachesTheSeedPeerAndItsUtf8ReplyIsListed() throws Exception {
        try (GuiDriver gui = GuiDriver.open(config); DatagramSocket peer = peer()) {
            ChatPanel chat = startChat(gui, peer, "UTF-8");
            gui.focus(chat.input());
            gui.type("hello from the window");
            gui.key(KeyEvent.VK_ENTER);

            assertThat(receive(peer, StandardCharsets.UTF_8)).isEqualTo("ann: hello from the window");
            reply(peer, chat, "héllo back, ann ✓".getBytes(StandardCharsets.UTF_8));
            awaitRow(gui, chat.messageList(), "127.0.0.1:" + peer.getLocalPort(), "héllo back, ann ✓");
            gui.screenshot("chat");

            assertThat(Files.readString(config.resolve("chat-history.txt")))
                    .contains("\tsent\tann\thello from the window").contains("\treceived\t127.0.0.1:" + peer.getLocalPort() + "\théllo back, ann ✓");
        }
    }

    @Test
    void gbkMessagesGoOutAndComeBackInGbk() throws Exception {
        try (GuiDriver gui = GuiDriver.open(config); DatagramSocket peer = peer()) {
            ChatPanel chat = startChat(gui, peer, "GBK");
            gui.focus(chat.input());
            gui.edt(() -> chat.input().setText("你好，世界")); // an input method's job: Robot has no keys for these
            gui.key(KeyEvent.VK_ENTER);

            assertThat(receive(peer, GBK)).isEqualTo("ann: 你好，世界");
            reply(peer, chat, "收到了".getBytes(GBK));
            awaitRow(gui, chat.messageList(), "127.0.0.1:" + peer.getLocalPort(), "收到了");
        }
    }

    private static DatagramSocket peer() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Fills in the form (port 0, the peer, name "ann", the encoding) and presses Start. */
    private static ChatPanel startChat(GuiDriver gui, DatagramSocket peer, String encoding) {
        gui.tab("Chat");
        ChatPanel chat = gui.window().chat();
        gui.edt(() -> {
            chat.portField().setText("0");
            chat.nameField().setText("ann");
            chat.peersField().setText("127.0.0.1:" + peer.getLocalPort());
            chat.encodingBox().setSelectedItem(encoding);
        });
        gui.click(chat.startButton());
        await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> chat.input().isEnabled()));
        return chat;
    }

    private static String receive(DatagramSocket peer, Charset charset) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
        peer.receive(packet);
        return new String(Arrays.copyOf(packet.getData(), packet.getLength()), charset);
    }

    private static void reply(DatagramSocket peer, ChatPanel chat, byte[] message) throws Exception {
        int port = chat.runningChat().address().getPort();
        peer.send(new DatagramPacket(message, message.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    }

    private static void awaitRow(GuiDriver gui, JTable list, String peer, String text) {
        await().atMost(Duration.ofSeconds(20)).until(() -> gui.onEdt(() -> {
            for (int row = 0; row < list.getRowCount(); row++) {
                if (peer.equals(list.getValueAt(row, 1)) && text.equals(list.getValueAt(row, 2))) {
                    return true;
                }
            }
            return false;
        }));
    }
}
