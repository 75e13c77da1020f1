package dev.weft.services.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;
import dev.weft.engine.TcpServer;

/** Seed 003's SocketServer and Twisted timestamp servers, reproduced byte for byte, under every in-process model. */
class TimeStyleTest {

    static java.util.List<Model> models() {
        return Model.inProcess();
    }

    private static TcpServer start(Model model, TimeStyle style) throws IOException {
        return TcpServer.start(ServerConfig.builder("time").bind("127.0.0.1", 0).model(model).build(),
                TimeService.tcp(TimeFixture.stamp(StandardCharsets.UTF_8), TimeService.DEFAULT_PAUSE,
                        Limits.DEFAULT.maxLineLength(), style));
    }

    @ParameterizedTest
    @MethodSource("models")
    void socketServerStyleAnswersTheFirstLineWithTheTimeGluedOnAndCloses(Model model) throws IOException {
        try (TcpServer server = start(model, TimeStyle.SOCKETSERVER);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("hello\r\nignored\r\n".getBytes(StandardCharsets.UTF_8));
            byte[] reply = socket.getInputStream().readAllBytes(); // to the server's close
            assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo("Sat May  8 16:59:10 2021hello\r\n");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void twistedStyleAnswersEachReadWithPythonsBytesReprAndStaysOpen(Model model) throws IOException {
        try (TcpServer server = start(model, TimeStyle.TWISTED);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            String expected = "Sat May  8 16:59:10 2021,b'hi\\r\\n'";
            for (int i = 0; i < 2; i++) {
                socket.getOutputStream().write("hi\r\n".getBytes(StandardCharsets.UTF_8));
                assertThat(read(socket.getInputStream(), expected.length())).isEqualTo(expected);
            }
        }
    }

    private static String read(InputStream in, int length) throws IOException {
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void pythonReprQuotesAndEscapesAsPythonDoes() {
        assertThat(TimeStyle.pythonRepr("plain".getBytes(StandardCharsets.UTF_8))).isEqualTo("b'plain'");
        assertThat(TimeStyle.pythonRepr("it's".getBytes(StandardCharsets.UTF_8))).isEqualTo("b\"it's\"");
        assertThat(TimeStyle.pythonRepr("'\"".getBytes(StandardCharsets.UTF_8))).isEqualTo("b'\\'\"'");
        assertThat(TimeStyle.pythonRepr(new byte[] {0, '\\', '\t', (byte) 0xff})).isEqualTo("b'\\x00\\\\\\t\\xff'");
        assertThat(TimeStyle.pythonRepr("é".getBytes(StandardCharsets.UTF_8))).isEqualTo("b'\\xc3\\xa9'");
    }
}
