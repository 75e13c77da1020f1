package dev.weft.services.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChatTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    static List<Model> models() {
        return Model.inProcess();
    }

    private static ServerConfig loopback(Model model) {
        return ServerConfig.builder("chat").bind("127.0.0.1", 0).model(model).build();
    }

    private Chat chat(ChatConfig config, RecordingScreen screen) throws IOException {
        Chat chat = Chat.start(config, screen);
        open.add(chat);
        return chat;
    }

    private DatagramSocket socket() throws IOException {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout((int) WAIT.toMillis());
        open.add(socket);
        return socket;
    }

    private static String to(Chat chat) {
        return "127.0.0.1:" + chat.address().getPort();
    }

    private static void send(DatagramSocket from, byte[] data, Chat to) throws IOException {
        from.send(new DatagramPacket(data, data.length, new InetSocketAddress("127.0.0.1", to.address().getPort())));
    }

    private static String receive(DatagramSocket socket, Charset charset) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        do {
            socket.receive(packet);
        } while (PeerLink.isProbe(java.util.Arrays.copyOf(packet.getData(), packet.getLength())));
        return new String(packet.getData(), 0, packet.getLength(), charset);
    }

    @ParameterizedTest
    @MethodSource("models")
    void twoPeersExchangeAThousandMessagesEachWayNoneLostOrReordered(Model model) throws Exception {
        RecordingScreen aliceScreen = new RecordingScreen();
        RecordingScreen bobScreen = new RecordingScreen();
        Chat alice = chat(ChatConfig.of(loopback(model), List.of()).withName("alice"), aliceScreen);
        Chat bob = chat(ChatConfig.of(loopback(model), List.of(Peer.parse(to(alice)))).withName("bob"), bobScreen);
        alice.input("/to " + to(bob));

        int count = 1_000;
        Thread aliceTyping = Thread.ofPlatform().start(() -> IntStream.range(0, count).forEach(i -> alice.input("a" + i)));
        Thread bobTyping = Thread.ofPlatform().start(() -> IntStream.range(0, count).forEach(i -> bob.input("b" + i)));
        aliceTyping.join();
        bobTyping.join();

        List<String> fromAlice = IntStream.range(0, count).mapToObj(i -> "alice: a" + i).toList();
        List<String> fromBob = IntStream.range(0, count).mapToObj(i -> "bob: b" + i).toList();
        await().atMost(WAIT).until(() -> bobScreen.messages.size() >= count && aliceScreen.messages.size() >= count);
        assertThat(bobScreen.texts()).containsExactlyElementsOf(fromAlice);
        assertThat(aliceScreen.texts()).containsExactlyElementsOf(fromBob);
    }

    @Test
    void twoPeersChatOverIpv6Loopback() throws Exception {
        ServerConfig v6 = ServerConfig.builder("chat").bind("::1", 0).build();
        RecordingScreen bobScreen = new RecordingScreen();
        Chat alice = chat(ChatConfig.of(v6, List.of()).withName("alice"), new RecordingScreen());
        Chat bob = chat(ChatConfig.of(v6, List.of(Peer.parse("[::1]:" + alice.address().getPort()))), bobScreen);
        alice.input("/to [::1]:" + bob.address().getPort());

        alice.input("over six");
        await().atMost(WAIT).until(() -> !bobScreen.messages.isEmpty());
        assertThat(bobScreen.texts()).containsExactly("alice: over six");
        assertThat(bobScreen.notices).isEmpty(); // alice is a known peer, not a stranger
    }

    /** A peer cannot disguise text with invisible characters: bidi overrides and zero-width spaces show escaped (issue 19.8). */
    @ParameterizedTest
    @MethodSource("models")
    void bidiOverridesAndZeroWidthCharactersFromAPeerAreShownEscaped(Model model) throws Exception {
        DatagramSocket peer = socket();
        RecordingScreen screen = new RecordingScreen();
        Chat chat = chat(ChatConfig.of(loopback(model), List.of(Peer.parse("127.0.0.1:" + peer.getLocalPort()))), screen);

        send(peer, "ma\u200Bllory: see \u202Etxt.exe".getBytes(StandardCharsets.UTF_8), chat);

        await().atMost(WAIT).until(() -> !screen.messages.isEmpty());
        assertThat(screen.texts()).containsExactly("127.0.0.1:" + peer.getLocalPort() + ": ma\\u200bllory: see \\u202etxt.exe");
    }

    @Test
    void chineseRoundTripsInUtf8() throws Exception {
        chineseRoundTrips(StandardCharsets.UTF_8);
    }

    @Test
    void chineseRoundTripsInGbk() throws Exception {
        chineseRoundTrips(GBK);
    }

    private void chineseRoundTrips(Charset charset) throws Exception {
        WireFormat wire = new WireFormat(charset, WireFormat.DEFAULT_MAX_BYTES);
        DatagramSocket python = socket();
        RecordingScreen screen = new RecordingScreen();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + python.getLocalPort())))
                .withName("小明").withWire(wire), screen);

        chat.input("你好，世界");
        assertThat(receive(python, charset)).isEqualTo("小明: 你好，世界");

        send(python, "收到了，谢谢".getBytes(charset), chat);
        await().atMost(WAIT).until(() -> !screen.messages.isEmpty());
        assertThat(screen.texts()).containsExactly("127.0.0.1:" + python.getLocalPort() + ": 收到了，谢谢");
    }

    @Test
    void showsAWeftPeersNameFromItsPrefix() throws Exception {
        DatagramSocket peer = socket();
        RecordingScreen screen = new RecordingScreen();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + peer.getLocalPort()))), screen);

        send(peer, "carol: hi all".getBytes(StandardCharsets.UTF_8), chat);
        await().atMost(WAIT).until(() -> !screen.messages.isEmpty());
        assertThat(screen.texts()).containsExactly("carol: hi all");
        chat.input("/peers");
        assertThat(screen.notices).contains("peers:\n  127.0.0.1:" + peer.getLocalPort() + " (carol)");
    }

    @Test
    void showsAnUnknownSenderWithItsAddressAndSaysHowToAnswer() throws Exception {
        DatagramSocket stranger = socket();
        RecordingScreen screen = new RecordingScreen();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of()), screen);
        String address = "127.0.0.1:" + stranger.getLocalPort();

        send(stranger, "dave: anyone?".getBytes(StandardCharsets.UTF_8), chat);
        send(stranger, "plain".getBytes(StandardCharsets.UTF_8), chat);
        await().atMost(WAIT).until(() -> screen.messages.size() == 2);
        assertThat(screen.texts()).containsExactly("dave (" + address + "): anyone?", address + ": plain");
        assertThat(screen.notices).containsExactly("(" + address + " is not one of your peers: /to " + address + " to write to it too)");
    }

    @Test
    void showsUndecodableBytesWithReplacementCharacters() throws Exception {
        DatagramSocket peer = socket();
        RecordingScreen screen = new RecordingScreen();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + peer.getLocalPort()))), screen);

        send(peer, new byte[] {'o', 'k', (byte) 0xc3, (byte) 0x28, (byte) 0xff}, chat);
        send(peer, "still here".getBytes(StandardCharsets.UTF_8), chat);
        await().atMost(WAIT).until(() -> screen.messages.size() == 2);
        assertThat(screen.texts()).containsExactly("127.0.0.1:" + peer.getLocalPort() + ": ok\uFFFD(\uFFFD",
                "127.0.0.1:" + peer.getLocalPort() + ": still here");
    }

    @Test
    void refusesAnOversizeMessageAndSendsNothingOfIt() throws Exception {
        DatagramSocket peer = socket();
        RecordingScreen screen = new RecordingScreen();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + peer.getLocalPort()))), screen);

        chat.input("x".repeat(WireFormat.DEFAULT_MAX_BYTES + 1));
        chat.input("short");
        assertThat(screen.notices).containsExactly(
                "not sent: the message is 8193 bytes in UTF-8, over the 8192-byte datagram limit; split it into shorter lines");
        assertThat(receive(peer, StandardCharsets.UTF_8)).isEqualTo("short");
    }

    @Test
    void sendsAMessageOfExactlyTheLimit() throws Exception {
        DatagramSocket peer = socket();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + peer.getLocalPort()))),
                new RecordingScreen());

        chat.input("y".repeat(WireFormat.DEFAULT_MAX_BYTES));
        assertThat(receive(peer, StandardCharsets.UTF_8)).hasSize(WireFormat.DEFAULT_MAX_BYTES);
    }

    @Test
    void sendsEachLineToEveryPeer() throws Exception {
        DatagramSocket one = socket();
        DatagramSocket two = socket();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + one.getLocalPort()))),
                new RecordingScreen());
        chat.input("/to 127.0.0.1:" + two.getLocalPort());

        chat.input("to both");
        assertThat(receive(one, StandardCharsets.UTF_8)).isEqualTo("to both");
        assertThat(receive(two, StandardCharsets.UTF_8)).isEqualTo("to both");
    }

    @Test
    void sendsFromTheChatsOwnPortLikeTheSeedsOneSocket() throws Exception {
        DatagramSocket peer = socket();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + peer.getLocalPort()))),
                new RecordingScreen());

        chat.input("hello");
        DatagramPacket packet = new DatagramPacket(new byte[100], 100);
        peer.receive(packet);
        assertThat(packet.getPort()).isEqualTo(chat.address().getPort());
    }

    @Test
    void reportsAnUnreachablePeerOnceNotOnEveryMessage() throws Exception {
        int closedPort;
        try (DatagramSocket gone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        RecordingScreen screen = new RecordingScreen();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + closedPort))), screen);
        String report = "peer 127.0.0.1:" + closedPort + " is unreachable: nothing listens on that port (messages to it are lost until it starts)";

        chat.input("anyone there?");
        await().atMost(WAIT).until(() -> screen.notices.contains(report));
        for (int i = 0; i < 3; i++) {
            long probes = chat.probesDone();
            chat.input("hello? " + i);
            await().atMost(WAIT).until(() -> chat.probesDone() > probes);
        }
        assertThat(screen.notices).containsExactly(report);
    }

    @Test
    void reportsAnOutageAgainOnceThePeerWasHeardFromAndWentAway() throws Exception {
        DatagramSocket peer = socket();
        int port = peer.getLocalPort();
        peer.close();
        RecordingScreen screen = new RecordingScreen();
        ChatConfig config = ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + port)));
        Chat chat = chat(new ChatConfig(config.server(), config.peers(), null, config.wire(), null, config.clock(),
                Duration.ofSeconds(1), Duration.ZERO), screen);
        chat.input("one");
        await().atMost(WAIT).until(() -> screen.notices.size() == 1);

        try (DatagramSocket back = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            send(back, "back again".getBytes(StandardCharsets.UTF_8), chat);
            await().atMost(WAIT).until(() -> screen.messages.size() == 1);
        }
        chat.input("two");
        await().atMost(WAIT).until(() -> screen.notices.size() == 2);
        assertThat(screen.notices).allMatch(n -> n.startsWith("peer 127.0.0.1:" + port + " is unreachable"));
    }

    @Test
    void historyHoldsSentAndReceivedMessagesInUtf8WhateverTheWireEncoding() throws Exception {
        DatagramSocket peer = socket();
        Path history = dir.resolve("chat.log");
        RecordingScreen screen = new RecordingScreen();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + peer.getLocalPort())))
                .withName("me2").withWire(new WireFormat(GBK, 8192)).withHistory(history), screen);

        chat.input("早上好");
        send(peer, "ann: 晚上好\tagain".getBytes(GBK), chat);
        await().atMost(WAIT).until(() -> screen.messages.size() == 1);
        chat.close();

        List<String> lines = Files.readAllLines(history, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?([+-]\\d\\d:\\d\\d|Z)\tsent\tme2\t早上好");
        assertThat(lines.get(1)).endsWith("\treceived\tann@127.0.0.1:" + peer.getLocalPort() + "\t晚上好\\tagain");
    }

    @Test
    void historyAppendsToWhatIsAlreadyThere() throws Exception {
        Path history = dir.resolve("chat.log");
        Files.writeString(history, "earlier line\n");
        DatagramSocket peer = socket();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + peer.getLocalPort())))
                .withHistory(history), new RecordingScreen());

        chat.input("later");
        chat.close();
        assertThat(Files.readAllLines(history)).hasSize(2).first().isEqualTo("earlier line");
    }

    @Test
    void refusesAHistoryFileInAMissingDirectoryNamingIt() {
        Path history = dir.resolve("no/such/dir/chat.log");
        assertThatThrownBy(() -> chat(ChatConfig.of(loopback(Model.DEFAULT), List.of()).withHistory(history), new RecordingScreen()))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot open history file " + history + ": no such directory");
    }

    @Test
    void refusesTheProcessesModel() {
        assertThatThrownBy(() -> ChatConfig.of(loopback(new Model.Processes(2)), List.of()))
                .hasMessageStartingWith("chat cannot run under the processes model");
    }

    @Test
    void refusesANameThatWouldNotSurviveThePrefix() {
        assertThatThrownBy(() -> ChatConfig.of(loopback(Model.DEFAULT), List.of()).withName("two words"))
                .hasMessage("bad name 'two words': use 1 to 32 letters, digits, '_', '-' or '.'");
    }

    @Test
    void quitAndExitAskToLeave() throws Exception {
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of()), new RecordingScreen());
        assertThat(chat.input("/quit")).isFalse();
        assertThat(chat.input("exit")).isFalse();
        assertThat(chat.input("/help")).isTrue();
    }

    @Test
    void addsAPeerOnceAndSaysWhyABadOneIsRefused() throws Exception {
        RecordingScreen screen = new RecordingScreen();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of()), screen);
        chat.input("/to 127.0.0.1:9");
        chat.input("/to 127.0.0.1:9");
        chat.input("/to nowhere");
        assertThat(screen.notices).containsExactly("added peer 127.0.0.1:9", "127.0.0.1:9 is already a peer",
                "bad peer 'nowhere': expected HOST:PORT, e.g. 192.168.1.20:8080");
        assertThat(chat.peers()).extracting(Peer::label).containsExactly("127.0.0.1:9");
    }

    @Test
    void ignoresOtherPeersReachabilityProbes() throws Exception {
        DatagramSocket peer = socket();
        RecordingScreen screen = new RecordingScreen();
        Chat chat = chat(ChatConfig.of(loopback(Model.DEFAULT), List.of(Peer.parse("127.0.0.1:" + peer.getLocalPort()))), screen);
        send(peer, new byte[] {0}, chat);
        send(peer, "after".getBytes(StandardCharsets.UTF_8), chat);
        await().atMost(WAIT).until(() -> !screen.messages.isEmpty());
        assertThat(screen.texts()).containsExactly("127.0.0.1:" + peer.getLocalPort() + ": after");
    }
}
