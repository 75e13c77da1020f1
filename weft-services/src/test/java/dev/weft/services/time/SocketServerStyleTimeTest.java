package dev.weft.services.time;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;
import dev.weft.services.PythonPeer;

/** The blocking StreamHandler version of the time service, under every in-process model and with seed 003's client. */
class SocketServerStyleTimeTest {

    private static TcpServer start(Model model) throws Exception {
        return TcpServer.start(ServerConfig.builder("time").bind("127.0.0.1", 0).model(model).build(),
                SocketServerStyleTime.handler(TimeFixture.stamp(StandardCharsets.UTF_8), Limits.DEFAULT.maxLineLength()));
    }

    static List<Model> inProcessModels() {
        return Model.inProcess();
    }

    @ParameterizedTest
    @MethodSource("inProcessModels")
    void repliesToEachLineLikeTheProtocolVersion(Model model) throws Exception {
        try (TcpServer server = start(model); Socket socket = Peer.connect("127.0.0.1", server.port())) {
            socket.getOutputStream().write("one\r\ntwo\n".getBytes(UTF_8));
            byte[] expected = (TimeFixture.PREFIX + "one\r\n" + TimeFixture.PREFIX + "two\n").getBytes(UTF_8);
            assertThat(new String(Peer.read(socket, expected.length), UTF_8)).isEqualTo(new String(expected, UTF_8));
        }
    }

    @Test
    void servesSeed003sSocketServerClientAConnectionPerLine() throws Exception {
        assumeTrue(PythonPeer.available(), "python3 is not installed");
        try (TcpServer server = start(new Model.Virtual())) {
            String out = PythonPeer.run(List.of(SeedClientsTest.script("tsTclntSS.py"), "127.0.0.1", Integer.toString(server.port())),
                    "first\nsecond\n\n");
            assertThat(out.lines()).containsExactly(TimeFixture.PREFIX + "first", TimeFixture.PREFIX + "second");
            // the client connects before it reads each line, the empty last one included
            await().atMost(Duration.ofSeconds(5)).until(() -> server.metrics().snapshot().acceptedTotal() == 3);
        }
    }
}
