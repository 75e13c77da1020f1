package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** The terminal side of weft chat, on a JLine terminal over pipes instead of a real tty. */
class ChatLineEditorTest {

    @Test
    void aMessageArrivingWhileTypingIsPrintedAboveAndTheTypedTextKept() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Terminal terminal = TerminalBuilder.builder().system(false).type("xterm").encoding(StandardCharsets.UTF_8)
                .streams(new PipedInputStream(keys), screen).size(new Size(80, 24)).build();
        try (ChatCommand.LineEditor editor = new ChatCommand.LineEditor(terminal)) {
            CompletableFuture<String> line = CompletableFuture.supplyAsync(editor::readLine);
            keys.write("hal".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> screen.toString(StandardCharsets.UTF_8).contains("hal"));

            editor.message("[12:00:00] bob: 你好");
            keys.write("lo\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();

            assertThat(line.get(10, TimeUnit.SECONDS)).isEqualTo("hallo");
            String shown = screen.toString(StandardCharsets.UTF_8);
            String afterMessage = shown.substring(shown.indexOf("[12:00:00] bob: 你好"));
            assertThat(afterMessage).contains("> hal");
        }
    }

    @Test
    void endOfInputEndsTheChat() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        Terminal terminal = TerminalBuilder.builder().system(false).type("xterm")
                .streams(new PipedInputStream(keys), new ByteArrayOutputStream()).size(new Size(80, 24)).build();
        try (ChatCommand.LineEditor editor = new ChatCommand.LineEditor(terminal)) {
            CompletableFuture<String> line = CompletableFuture.supplyAsync(editor::readLine);
            keys.close();
            assertThat(line.get(10, TimeUnit.SECONDS)).isNull();
        }
    }
}
