package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shutdown under every in-process model and both handler styles: a reply being worked on when close()
 * starts still reaches its client, idle clients are let go, and no engine thread is left behind.
 */
class GracefulShutdownTest {

    static Stream<Arguments> modelsAndStyles() {
        return Model.inProcess().stream().flatMap(m -> Stream.of(Arguments.of(m, "stream"), Arguments.of(m, "protocol")));
    }

    /** Replies "done: LINE" to each line once {@code release} opens: work that is in flight at shutdown. */
    private static Handler slowReply(String style, CountDownLatch started, CountDownLatch release) {
        if (style.equals("stream")) {
            return (StreamHandler) connection -> {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.input(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    started.countDown();
                    awaitQuietly(release);
                    connection.output().write(("done: " + line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            };
        }
        return (ProtocolFactory) () -> new Protocol() {
            private Transport transport;
            private boolean busy;

            @Override
            public void connectionMade(Transport transport) {
                this.transport = transport;
            }

            @Override
            public void dataReceived(ByteBuffer data) {
                String line = StandardCharsets.UTF_8.decode(data).toString().strip();
                busy = true;
                started.countDown();
                Thread.ofVirtual().start(() -> {
                    awaitQuietly(release);
                    transport.write(("done: " + line + "\n").getBytes(StandardCharsets.UTF_8));
                    transport.close();
                });
            }

            @Override
            public void shutdownRequested(Transport transport) {
                if (!busy) {
                    transport.close();
                }
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modelsAndStyles")
    void inFlightRepliesFinishAndNoThreadIsLeft(Model model, String style) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServerConfig config = ServerConfig.builder("slow").model(model).build();
        TcpServer server = TcpServer.start(config, slowReply(style, started, release));
        List<Socket> idle = new ArrayList<>();
        try (Socket busy = new Socket("127.0.0.1", server.port())) {
            for (int i = 0; i < 3; i++) { // pool:4 has a thread for each of these and the busy one
                idle.add(new Socket("127.0.0.1", server.port()));
            }
            busy.setSoTimeout(10_000);
            busy.getOutputStream().write("last words\n".getBytes(StandardCharsets.UTF_8));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            // connections still in the listen backlog when the listener closes are reset by the kernel
            await().atMost(Duration.ofSeconds(5)).until(() -> server.metrics().openConnections() == 4);

            Thread closing = Thread.ofPlatform().start(server::close);
            await().atMost(Duration.ofSeconds(5)).until(() -> refuses(server.port()));
            release.countDown();
            BufferedReader in = new BufferedReader(new InputStreamReader(busy.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("done: last words");
            assertThat(closing.join(Duration.ofSeconds(10))).isTrue();
            for (Socket socket : idle) {
                socket.setSoTimeout(5_000);
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
            server.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> engineThreads().isEmpty());
    }

    private static boolean refuses(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static List<String> engineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !t.isDaemon())
                .map(Thread::getName)
                .filter(name -> name.startsWith("weft-"))
                .toList();
    }
}
