package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.engine.UdpServer;
import dev.weft.services.time.TimeFormat;
import dev.weft.services.time.TimeService;
import dev.weft.services.time.Timestamp;

/** {@code weft time client} against real time servers on loopback, and the server command's option checks. */
class TimeCommandTest {

    private static final Timestamp STAMP = new Timestamp(
            Clock.fixed(Instant.parse("2021-05-08T08:59:10Z"), ZoneId.of("Asia/Shanghai")), TimeFormat.CTIME, StandardCharsets.UTF_8);
    private static final String PREFIX = "[Sat May  8 16:59:10 2021]: ";

    private static TcpServer tcp(String host) throws Exception {
        return TcpServer.start(ServerConfig.builder("time").bind(host, 0).build(),
                TimeService.tcp(STAMP, TimeService.DEFAULT_PAUSE, 1024));
    }

    @Test
    void theClientPrintsTheReplyToEachLineOfAPipe() throws Exception {
        try (TcpServer server = tcp("127.0.0.1")) {
            StdinCommandRun run = StdinCommandRun.withInput("a\nb\n", "time", "client", "127.0.0.1", Integer.toString(server.port()));
            assertThat(run.exitCode()).isZero();
            assertThat(run.out().lines()).containsExactly(PREFIX + "a", PREFIX + "b");
        }
    }

    @Test
    void reconnectOpensOneConnectionPerLineAgainstASocketServerStyleServer() throws Exception {
        try (TcpServer server = TcpServer.start(ServerConfig.builder("time").bind("127.0.0.1", 0).build(),
                TimeService.tcp(STAMP, TimeService.DEFAULT_PAUSE, 1024, dev.weft.services.time.TimeStyle.SOCKETSERVER))) {
            String port = Integer.toString(server.port());
            StdinCommandRun run = StdinCommandRun.withInput("a\nb\n", "time", "client", "--reconnect", "127.0.0.1", port);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines()).containsExactly("Sat May  8 16:59:10 2021a", "Sat May  8 16:59:10 2021b");
            StdinCommandRun once = StdinCommandRun.withInput("a\nb\n", "time", "client", "127.0.0.1", port);
            assertThat(once.exitCode()).as("without --reconnect the second line meets a closed connection").isEqualTo(1);
        }
    }

    @Test
    void aStyleIsForTcpOnly() {
        assertThat(StdinCommandRun.of("time", "server", "--udp", "--style", "twisted", "--port", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void theClientStopsAtAnEmptyLine() throws Exception {
        try (TcpServer server = tcp("127.0.0.1")) {
            StdinCommandRun run = StdinCommandRun.withInput("a\n\nnot sent\n", "time", "client", "127.0.0.1", Integer.toString(server.port()));
            assertThat(run.out().lines()).containsExactly(PREFIX + "a");
        }
    }

    @Test
    void theClientReachesAnIpv6OnlyServerByNameWithMinus6() throws Exception {
        try (TcpServer server = tcp("::1")) {
            StdinCommandRun run = StdinCommandRun.withInput("six\n", "time", "client", "-6", "::1", Integer.toString(server.port()));
            assertThat(run.out().lines()).containsExactly(PREFIX + "six");
        }
    }

    @Test
    void theClientSpeaksUdp() throws Exception {
        try (UdpServer server = UdpServer.start(ServerConfig.builder("time").bind("127.0.0.1", 0).build(), TimeService.udp(STAMP))) {
            StdinCommandRun run = StdinCommandRun.withInput("datagram\n", "time", "client", "--udp", "127.0.0.1", Integer.toString(server.port()));
            assertThat(run.out().lines()).containsExactly(PREFIX + "datagram");
        }
    }

    @Test
    void theClientSendsGbkOnTheWireAndDecodesTheReply() throws Exception {
        Charset gbk = Charset.forName("GBK");
        AtomicReference<byte[]> received = new AtomicReference<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofVirtual().start(() -> {
                try (Socket socket = server.accept()) {
                    received.set(socket.getInputStream().readNBytes("中文\n".getBytes(gbk).length));
                    socket.getOutputStream().write("回复: 中文\n".getBytes(gbk));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            StdinCommandRun run = StdinCommandRun.withInput("中文\n", "time", "client", "--encoding", "gbk", "127.0.0.1", Integer.toString(server.getLocalPort()));
            peer.join(10_000);
            assertThat(received.get()).isEqualTo("中文\n".getBytes(gbk));
            assertThat(run.out().lines()).containsExactly("回复: 中文");
        }
    }

    @Test
    void aServerThatClosesEndsTheClientWithOneLine() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            StdinCommandRun run = StdinCommandRun.withInput("hello\n", "time", "client", "127.0.0.1", Integer.toString(server.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("weft: server 127.0.0.1 port " + server.getLocalPort() + " closed the connection" + System.lineSeparator());
        }
    }

    @Test
    void aRefusedConnectionIsOneLineAndExitCodeOne() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        StdinCommandRun run = StdinCommandRun.withInput("x\n", "time", "client", "127.0.0.1", Integer.toString(closedPort));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith("weft: cannot connect to 127.0.0.1 port " + closedPort);
    }

    @Test
    void theServerRefusesAnEncodingThatCannotFrameLines() {
        StdinCommandRun run = StdinCommandRun.of("time", "server", "--port", "0", "--encoding", "utf-16");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly("weft: encoding 'utf-16' does not keep ASCII as ASCII, so lines cannot be framed in it (try utf-8 or gbk)");
    }

    @Test
    void theServerRefusesAnUnknownFormatAsUsage() {
        StdinCommandRun run = StdinCommandRun.of("time", "server", "--format", "roman");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format");
    }
}
