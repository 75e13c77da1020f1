package dev.weft.services.time;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;
import dev.weft.engine.UdpServer;

/** The time service over real loopback sockets, TCP and UDP, IPv4 and IPv6, under every model. */
class TimeServiceTest {

    private static final Model VIRTUAL = new Model.Virtual();

    static Stream<Arguments> everyModelBothFamilies() {
        return Model.all().stream().flatMap(m -> Stream.of(Arguments.of(m, "127.0.0.1"), Arguments.of(m, "::1")));
    }

    static Stream<Model> inProcessModels() {
        return Model.inProcess().stream();
    }

    static Stream<Model> everyModel() {
        return Model.all().stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyModelBothFamilies")
    void tcpRepliesToEachLineWithTheCtimePrefixByteForByte(Model model, String host) throws Exception {
        try (TcpServer server = TimeFixture.tcp(model, host); Socket socket = Peer.connect(host, server.port())) {
            socket.getOutputStream().write("hello\nsecond line\r\n".getBytes(UTF_8));
            byte[] expected = (TimeFixture.PREFIX + "hello\n" + TimeFixture.PREFIX + "second line\r\n").getBytes(UTF_8);
            assertThat(new String(Peer.read(socket, expected.length), UTF_8)).isEqualTo(new String(expected, UTF_8));
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyModelBothFamilies")
    void udpRepliesToEachDatagramWithOneDatagramToTheSender(Model model, String host) throws Exception {
        try (UdpServer server = TimeFixture.udp(model, host)) {
            byte[] reply = Peer.exchange(host, server.port(), "hello over udp".getBytes(UTF_8));
            assertThat(new String(reply, UTF_8)).isEqualTo(TimeFixture.PREFIX + "hello over udp");
        }
    }

    @ParameterizedTest
    @MethodSource("everyModel")
    void tenThousandLinesInOneWriteGetTenThousandRepliesInOrder(Model model) throws Exception {
        int lines = 10_000;
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            request.writeBytes(("line " + i + "\n").getBytes(UTF_8));
            expected.writeBytes((TimeFixture.PREFIX + "line " + i + "\n").getBytes(UTF_8));
        }
        try (TcpServer server = TimeFixture.tcp(model, "127.0.0.1"); Socket socket = Peer.connect("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> write(out, request.toByteArray()));
            byte[] replies = Peer.read(socket, expected.size());
            sent.join();
            assertThat(new String(replies, UTF_8)).isEqualTo(expected.toString(UTF_8));
        }
    }

    @ParameterizedTest
    @MethodSource("inProcessModels")
    void aMessageWithoutNewlineIsAnsweredOnceTheClientPauses(Model model) throws Exception {
        try (TcpServer server = TimeFixture.tcp(model, "127.0.0.1", Limits.DEFAULT, Duration.ofMillis(50));
             Socket socket = Peer.connect("127.0.0.1", server.port())) {
            socket.getOutputStream().write("no newline".getBytes(UTF_8));
            byte[] expected = (TimeFixture.PREFIX + "no newline").getBytes(UTF_8);
            assertThat(new String(Peer.read(socket, expected.length), UTF_8)).isEqualTo(TimeFixture.PREFIX + "no newline");

            socket.getOutputStream().write("then a line\n".getBytes(UTF_8));
            byte[] next = (TimeFixture.PREFIX + "then a line\n").getBytes(UTF_8);
            assertThat(new String(Peer.read(socket, next.length), UTF_8)).isEqualTo(TimeFixture.PREFIX + "then a line\n");
        }
    }

    @ParameterizedTest
    @MethodSource("inProcessModels")
    void aLineCompletedWithinThePauseGetsOneReply(Model model) throws Exception {
        try (TcpServer server = TimeFixture.tcp(model, "127.0.0.1", Limits.DEFAULT, Duration.ofSeconds(3));
             Socket socket = Peer.connect("127.0.0.1", server.port())) {
            socket.getOutputStream().write("hel".getBytes(UTF_8));
            socket.getOutputStream().write("lo\n".getBytes(UTF_8));
            byte[] expected = (TimeFixture.PREFIX + "hello\n").getBytes(UTF_8);
            assertThat(new String(Peer.read(socket, expected.length), UTF_8)).isEqualTo(TimeFixture.PREFIX + "hello\n");
        }
    }

    @ParameterizedTest
    @MethodSource("inProcessModels")
    void onceAClientHasSentANewlineOnlyANewlineEndsItsMessages(Model model) throws Exception {
        Duration pause = Duration.ofMillis(20);
        try (TcpServer server = TimeFixture.tcp(model, "127.0.0.1", Limits.DEFAULT, pause);
             Socket socket = Peer.connect("127.0.0.1", server.port())) {
            socket.getOutputStream().write("first\nsec".getBytes(UTF_8));
            Thread.sleep(pause.multipliedBy(5).toMillis()); // the client pauses mid-line: that is the behaviour under test
            socket.getOutputStream().write("ond\n".getBytes(UTF_8));
            byte[] expected = (TimeFixture.PREFIX + "first\n" + TimeFixture.PREFIX + "second\n").getBytes(UTF_8);
            assertThat(new String(Peer.read(socket, expected.length), UTF_8)).isEqualTo(new String(expected, UTF_8));
        }
    }

    @ParameterizedTest
    @MethodSource("inProcessModels")
    void aConnectionServesManyMessagesUntilTheClientCloses(Model model) throws Exception {
        try (TcpServer server = TimeFixture.tcp(model, "127.0.0.1"); Socket socket = Peer.connect("127.0.0.1", server.port())) {
            for (int i = 0; i < 20; i++) {
                socket.getOutputStream().write(("message " + i + "\n").getBytes(UTF_8));
                byte[] expected = (TimeFixture.PREFIX + "message " + i + "\n").getBytes(UTF_8);
                assertThat(Peer.read(socket, expected.length)).isEqualTo(expected);
            }
            socket.shutdownOutput();
            assertThat(Peer.readAll(socket)).isEmpty();
        }
    }

    @Test
    void aLineOverTheLimitGetsAnErrorLineAndTheConnectionCloses() throws Exception {
        Limits limits = Limits.DEFAULT.withMaxLineLength(100);
        try (TcpServer server = TimeFixture.tcp(VIRTUAL, "127.0.0.1", limits, TimeService.DEFAULT_PAUSE);
             Socket socket = Peer.connect("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("ok\n" + "x".repeat(101) + "\n").getBytes(UTF_8));
            assertThat(new String(Peer.readAll(socket), UTF_8))
                    .isEqualTo(TimeFixture.PREFIX + "ok\nerror: line longer than 100 bytes\n");
        }
    }

    @Test
    void anOversizeDatagramIsTruncatedAndTheServerKeepsServing() throws Exception {
        try (UdpServer server = TimeFixture.udp(VIRTUAL, "127.0.0.1", Limits.DEFAULT.withMaxDatagram(1000))) {
            byte[] reply = Peer.exchange("127.0.0.1", server.port(), "y".repeat(5000).getBytes(UTF_8));
            assertThat(new String(reply, UTF_8)).isEqualTo(TimeFixture.PREFIX + "y".repeat(1000));
            assertThat(Peer.exchange("127.0.0.1", server.port(), "still here".getBytes(UTF_8)))
                    .isEqualTo((TimeFixture.PREFIX + "still here").getBytes(UTF_8));
        }
    }

    @Test
    void aMaximumSizeDatagramGetsAReplyCutToTheLargestUdpPayload() throws Exception {
        try (UdpServer server = TimeFixture.udp(VIRTUAL, "127.0.0.1")) {
            byte[] reply = Peer.exchange("127.0.0.1", server.port(), "z".repeat(65_507).getBytes(UTF_8));
            assertThat(reply).hasSize(TimeService.MAX_REPLY_DATAGRAM);
            assertThat(new String(reply, 0, 40, UTF_8)).startsWith(TimeFixture.PREFIX + "z");
        }
    }

    @Test
    void gbkTextComesBackInTheSameBytes() throws Exception {
        byte[] chinese = "你好，世界\n".getBytes("GBK");
        try (TcpServer server = TimeFixture.tcp(VIRTUAL, "127.0.0.1"); Socket socket = Peer.connect("127.0.0.1", server.port())) {
            socket.getOutputStream().write(chinese);
            byte[] reply = Peer.read(socket, TimeFixture.PREFIX.length() + chinese.length);
            assertThat(new String(reply, "GBK")).isEqualTo(TimeFixture.PREFIX + "你好，世界\n");
        }
    }

    @Test
    void aServerBoundToTheIpv6WildcardAlsoServesIpv4Clients() throws Exception {
        try (TcpServer server = TimeFixture.tcp(VIRTUAL, "::")) {
            assertThat(server.startupLine()).contains("on :: port").contains("IPv6");
            for (String host : new String[] {"::1", "127.0.0.1"}) {
                try (Socket socket = Peer.connect(host, server.port())) {
                    socket.getOutputStream().write("dual\n".getBytes(UTF_8));
                    assertThat(Peer.read(socket, TimeFixture.PREFIX.length() + 5)).isEqualTo((TimeFixture.PREFIX + "dual\n").getBytes(UTF_8));
                }
            }
        }
    }

    private static void write(OutputStream out, byte[] data) {
        try {
            out.write(data);
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
