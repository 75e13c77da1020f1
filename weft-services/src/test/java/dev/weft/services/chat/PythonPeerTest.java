package dev.weft.services.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** weft and a Python chat written like seed 004's talk both ways, in either of the seeds' encodings. */
class PythonPeerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"utf-8", "gbk"})
    void weftAndTheSeedsPythonChatExchangeMessagesBothWays(String encoding) throws Exception {
        assumeTrue(python3Present(), "python3 is not installed");
        Charset charset = WireFormat.encoding(encoding);
        Path script = dir.resolve("seed_chat.py");
        try (InputStream in = PythonPeerTest.class.getResourceAsStream("/chat/seed_chat.py")) {
            Files.copy(in, script);
        }
        Path pythonHistory = dir.resolve("消息记录.txt");
        Path weftHistory = dir.resolve("weft-history.txt");
        ProcessBuilder builder = new ProcessBuilder("python3", script.toString(), encoding, pythonHistory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process python = builder.start();
        RecordingScreen screen = new RecordingScreen();
        try (Writer pythonInput = new java.io.OutputStreamWriter(python.getOutputStream(), StandardCharsets.UTF_8)) {
            int pythonPort = Integer.parseInt(new BufferedReader(new InputStreamReader(python.getInputStream())).readLine().trim());
            ServerConfig server = ServerConfig.builder("chat").bind("127.0.0.1", 0).model(Model.DEFAULT).build();
            try (Chat chat = Chat.start(ChatConfig.of(server, List.of(Peer.parse("127.0.0.1:" + pythonPort)))
                    .withName("weft").withWire(new WireFormat(charset, WireFormat.DEFAULT_MAX_BYTES))
                    .withHistory(weftHistory), screen)) {
                pythonInput.write("127.0.0.1\n" + chat.address().getPort() + "\n你好，我是 Python\n");
                pythonInput.flush();
                await().atMost(WAIT).until(() -> !screen.messages.isEmpty());
                assertThat(screen.texts()).containsExactly("127.0.0.1:" + pythonPort + ": 你好，我是 Python");

                chat.input("你好，我是 weft");
                await().atMost(WAIT).until(() -> Files.exists(pythonHistory)
                        && Files.readString(pythonHistory).contains("端口的消息:weft: 你好，我是 weft"));
                assertThat(Files.readString(pythonHistory))
                        .contains("接收到了127.0.0.1地址" + chat.address().getPort() + "端口的消息:weft: 你好，我是 weft");

                pythonInput.write("exit\n");
                pythonInput.flush();
                await().atMost(WAIT).until(() -> screen.messages.size() == 2);
                assertThat(python.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(python.exitValue()).isZero();
            }
            List<String> lines = Files.readAllLines(weftHistory, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).endsWith("\treceived\t127.0.0.1:" + pythonPort + "\t你好，我是 Python");
            assertThat(lines.get(1)).endsWith("\tsent\tweft\t你好，我是 weft");
            assertThat(lines.get(2)).endsWith("\treceived\t127.0.0.1:" + pythonPort + "\texit");
        } finally {
            python.destroyForcibly();
        }
    }

    private static boolean python3Present() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
