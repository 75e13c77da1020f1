package dev.weft.lab.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The cross-process pieces on their own: framing, the queue, the state server and the shared counter. */
@ExtendWith(NoChildJvmLeft.class)
class ProcessPiecesTest {

    @Test
    void aPipeDeliversWholeMessagesNeverJoinedOrSplit() throws IOException {
        try (Pipe.Listener listener = Pipe.listen(); Pipe a = Pipe.connect(listener.port());
                Pipe b = listener.accept(Duration.ofSeconds(10))) {
            a.send("first");
            a.send("");
            a.send("third, with ünïcode");
            a.close();

            assertThat(b.receive()).hasValue("first");
            assertThat(b.receive()).hasValue("");
            assertThat(b.receive()).hasValue("third, with ünïcode");
            assertThat(b.receive()).isEmpty();
        }
    }

    @Test
    void aPipeRefusesAStreamThatIsNotFramed() throws IOException {
        try (Pipe.Listener listener = Pipe.listen(); Socket raw = new Socket("127.0.0.1", listener.port());
                Pipe pipe = listener.accept(Duration.ofSeconds(10))) {
            new DataOutputStream(raw.getOutputStream()).writeInt(-5);

            assertThatThrownBy(pipe::receive).isInstanceOf(IOException.class).hasMessageContaining("-5 bytes");
        }
    }

    @Test
    void aProcessQueueKeepsEachWritersOrder() throws Exception {
        try (ProcessQueue queue = ProcessQueue.open(4)) {
            List<Thread> writers = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                writers.add(Thread.ofPlatform().start(() -> {
                    try (ProcessQueue.Writer writer = ProcessQueue.writer(queue.port())) {
                        for (int i = 0; i < 100; i++) {
                            writer.put(name + i);
                        }
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            List<String> taken = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                taken.add(queue.take());
            }
            for (Thread writer : writers) {
                writer.join(Duration.ofSeconds(10));
            }

            assertThat(taken.stream().filter(m -> m.startsWith("a")).toList())
                    .isEqualTo(java.util.stream.IntStream.range(0, 100).mapToObj(i -> "a" + i).toList());
            assertThat(taken.stream().filter(m -> m.startsWith("b"))).hasSize(100);
            assertThat(queue.poll(Duration.ofMillis(20))).isEmpty();
            assertThat(queue.writersConnected()).isEqualTo(2);
        }
    }

    @Test
    void aStateServerChildServesDictsAndListsToEveryClient() throws IOException {
        try (StateServer.Child server = StateServer.spawn(); SharedState one = SharedState.connect(server.port());
                SharedState two = SharedState.connect(server.port())) {
            assertThat(server.pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(one.put("d", "k", "v1")).isEmpty();
            assertThat(two.put("d", "k", "v2")).hasValue("v1");
            assertThat(one.get("d", "k")).hasValue("v2");
            assertThat(one.get("d", "missing")).isEmpty();
            assertThat(one.add("d", "n", 5)).isEqualTo(5);
            assertThat(two.add("d", "n", -2)).isEqualTo(3);
            assertThat(one.append("l", "x")).isEqualTo(1);
            assertThat(two.append("l", "y")).isEqualTo(2);

            assertThat(two.dict("d")).isEqualTo(Map.of("k", "v2", "n", "3"));
            assertThat(one.list("l")).containsExactly("x", "y");
            assertThat(one.list("none")).isEmpty();
        }
    }

    @Test
    void theStateServerRefusesAValueItCannotFrameAndANonNumberToAdd() throws IOException {
        try (StateServer server = StateServer.serve(); SharedState state = SharedState.connect(server.port())) {
            assertThatThrownBy(() -> state.put("d", "k", "a\u001fb")).isInstanceOf(IllegalArgumentException.class);
            state.put("d", "word", "hello");

            assertThatThrownBy(() -> state.add("d", "word", 1)).isInstanceOf(IOException.class)
                    .hasMessageContaining("refused").hasMessageContaining("hello");
            assertThat(state.get("d", "word")).isEqualTo(Optional.of("hello"));
        }
    }

    @Test
    void twoMappingsOfOneFileShareTheCounter(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("counter");
        try (SharedCounter a = SharedCounter.open(file); SharedCounter b = SharedCounter.open(file)) {
            a.set(10);
            b.increment(0);
            a.incrementUnlocked(0);

            assertThat(b.get()).isEqualTo(12);
        }
        try (SharedCounter again = SharedCounter.open(file)) {
            assertThat(again.get()).isEqualTo(12);
        }
    }
}
