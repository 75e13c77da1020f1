package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static String receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        do {
            socket.receive(packet);
        } while (packet.getLength() == 1 && packet.getData()[0] == 0); // weft's reachability probe
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    private static void send(DatagramSocket from, String text, int port) throws Exception {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        from.send(new DatagramPacket(data, data.length, new InetSocketAddress("127.0.0.1", port)));
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("chat", "--help")).isZero();
        assertThat(out.toString()).contains("--to=HOST:PORT", "--history=FILE", "--encoding=utf-8|gbk", "--name=NAME", "--model=MODEL");
    }

    @Test
    void refusesTheProcessesModelWithOneLine() {
        assertThat(run("chat", "--port", "0", "--model", "processes:2")).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString().lines().findFirst()).contains(
                "weft: chat cannot run under --model processes:2: a chat is one socket and one user (use thread, pool, virtual or event-loop)");
    }

    @Test
    void refusesABadPeerNamingIt() {
        assertThat(run("chat", "--port", "0", "--to", "localhost")).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString()).startsWith("weft: bad peer 'localhost': expected HOST:PORT");
    }

    @Test
    void refusesAnUnknownEncoding() {
        assertThat(run("chat", "--port", "0", "--encoding", "latin-1")).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString()).startsWith("weft: unknown encoding 'latin-1' (expected utf-8 or gbk)");
    }

    @Test
    void reportsAPortInUseAsOneLine() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThat(run("chat", "--bind", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()))).isEqualTo(ExitCode.FAILURE.code());
        }
        assertThat(err.toString()).startsWith("weft: cannot listen on 127.0.0.1 port ").contains("Address already in use").doesNotContain("Exception");
    }

    @Test
    void pipedLinesAreSentAndEndOfInputExitsZeroWithTheHistoryComplete() throws Exception {
        Path history = dir.resolve("history.txt");
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             ChatProcess chat = ChatProcess.start("--bind", "127.0.0.1", "--port", "0", "--to", "127.0.0.1:" + peer.getLocalPort(),
                     "--name", "cli", "--history", history.toString())) {
            peer.setSoTimeout((int) ChatProcess.WAIT.toMillis());
            int port = chat.port();
            chat.type("hello 你好");
            assertThat(receive(peer)).isEqualTo("cli: hello 你好");
            send(peer, "pong", port);
            await().atMost(ChatProcess.WAIT).until(() -> !chat.out.isEmpty());
            chat.type("last words");
            assertThat(receive(peer)).isEqualTo("cli: last words");
            chat.endInput();

            assertThat(chat.exitCode()).isZero();
            assertThat(chat.messages()).containsExactly("127.0.0.1:" + peer.getLocalPort() + ": pong");
        }
        List<String> lines = Files.readAllLines(history, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).endsWith("\tsent\tcli\thello 你好");
        assertThat(lines.get(1)).contains("\treceived\t127.0.0.1:").endsWith("\tpong");
        assertThat(lines.get(2)).endsWith("\tsent\tcli\tlast words");
    }

    @Test
    void quitExitsZeroWhileInputIsStillOpen() throws Exception {
        Path history = dir.resolve("history.txt");
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             ChatProcess chat = ChatProcess.start("--bind", "127.0.0.1", "--port", "0", "--to", "127.0.0.1:" + peer.getLocalPort(),
                     "--history", history.toString())) {
            chat.port();
            chat.type("bye");
            chat.type("/quit");
            assertThat(chat.exitCode()).isZero();
        }
        assertThat(Files.readAllLines(history)).singleElement().asString().endsWith("\tsent\tme\tbye");
    }

    @Test
    void twoWeftProcessesExchangeAThousandPipedMessagesEachWay() throws Exception {
        int count = 1_000;
        try (ChatProcess alice = ChatProcess.start("--bind", "127.0.0.1", "--port", "0", "--name", "alice")) {
            int alicePort = alice.port();
            try (ChatProcess bob = ChatProcess.start("--bind", "127.0.0.1", "--port", "0", "--name", "bob",
                    "--to", "127.0.0.1:" + alicePort)) {
                alice.type("/to 127.0.0.1:" + bob.port());
                await().atMost(ChatProcess.WAIT).until(() -> alice.err.stream().anyMatch(l -> l.startsWith("added peer")));
                Thread aliceTyping = Thread.ofPlatform().start(() -> typeAll(alice, "a", count));
                typeAll(bob, "b", count);
                aliceTyping.join();

                await().atMost(ChatProcess.WAIT).until(() -> alice.out.size() >= count && bob.out.size() >= count);
                assertThat(bob.messages()).containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> "alice: a" + i).toList());
                assertThat(alice.messages()).containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> "bob: b" + i).toList());
                alice.type("exit");
                bob.endInput();
                assertThat(alice.exitCode()).isZero();
                assertThat(bob.exitCode()).isZero();
            }
        }
    }

    private static void typeAll(ChatProcess chat, String prefix, int count) {
        try {
            for (int i = 0; i < count; i++) {
                chat.type(prefix + i);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
