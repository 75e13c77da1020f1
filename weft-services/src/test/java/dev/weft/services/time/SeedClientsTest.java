package dev.weft.services.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;
import dev.weft.engine.UdpServer;
import dev.weft.services.PythonPeer;

/**
 * Seed 003's own Python clients (src/test/resources/time) against weft's time server: they send each
 * line without a newline and wait for one recv(), so the TCP server must answer on the client's pause.
 */
class SeedClientsTest {

    private static final Model VIRTUAL = new Model.Virtual();

    @BeforeAll
    static void needsPython() {
        assumeTrue(PythonPeer.available(), "python3 is not installed");
    }

    static String script(String name) throws URISyntaxException {
        return Path.of(SeedClientsTest.class.getResource("/time/" + name).toURI()).toString();
    }

    private static List<String> run(String script, String host, int port, String encoding, String input) throws Exception {
        return PythonPeer.run(List.of(script(script), host, Integer.toString(port), encoding), input).lines().toList();
    }

    @Test
    void theTcpClientGetsEachReplyOverIpv4() throws Exception {
        try (TcpServer server = TimeFixture.tcp(VIRTUAL, "127.0.0.1")) {
            assertThat(run("tsTclnt.py", "127.0.0.1", server.port(), "utf8", "hello\nworld\n\n"))
                    .containsExactly(TimeFixture.PREFIX + "hello", TimeFixture.PREFIX + "world");
        }
    }

    @Test
    void theTcpClientGetsEachReplyOverIpv6OnTheEventLoop() throws Exception {
        try (TcpServer server = TimeFixture.tcp(new Model.EventLoop(2), "::1")) {
            assertThat(run("tsTclnt.py", "::1", server.port(), "utf8", "over six\n"))
                    .containsExactly(TimeFixture.PREFIX + "over six");
        }
    }

    @Test
    void gbkChineseTextRoundTripsThroughTheTcpClient() throws Exception {
        try (TcpServer server = TimeFixture.tcp(VIRTUAL, "127.0.0.1")) {
            assertThat(run("tsTclnt.py", "127.0.0.1", server.port(), "gbk", "你好，时间服务器\n"))
                    .containsExactly(TimeFixture.PREFIX + "你好，时间服务器");
        }
    }

    @Test
    void theUdpClientGetsEachReply() throws Exception {
        try (UdpServer server = TimeFixture.udp(VIRTUAL, "127.0.0.1")) {
            assertThat(run("tsUclnt.py", "127.0.0.1", server.port(), "utf8", "ping\npong\n"))
                    .containsExactly(TimeFixture.PREFIX + "ping", TimeFixture.PREFIX + "pong");
        }
    }

    @Test
    void theUdpClientGetsEachReplyOverIpv6() throws Exception {
        try (UdpServer server = TimeFixture.udp(VIRTUAL, "::1")) {
            assertThat(run("tsUclnt.py", "::1", server.port(), "gbk", "数据报\n"))
                    .containsExactly(TimeFixture.PREFIX + "数据报");
        }
    }

    @Test
    void theSocketServerClientGetsAReplyOnAConnectionPerLine() throws Exception {
        try (TcpServer server = TimeFixture.tcp(VIRTUAL, "127.0.0.1")) {
            List<String> out = PythonPeer.run(List.of(script("tsTclntSS.py"), "127.0.0.1", Integer.toString(server.port())),
                    "first\nsecond\n\n").lines().toList();
            assertThat(out).containsExactly(TimeFixture.PREFIX + "first", TimeFixture.PREFIX + "second");
        }
    }

    @Test
    void theCtimePrefixIsWhatPythonsCtimePrintsInTheSameZone() throws Exception {
        String script = "import os, time\nos.environ['TZ'] = 'Asia/Shanghai'\ntime.tzset()\nprint('[' + time.ctime(1620464350) + ']: ')";
        assertThat(PythonPeer.run(List.of("-c", script), "").stripTrailing() + " ").isEqualTo(TimeFixture.PREFIX);
    }
}
