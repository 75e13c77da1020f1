package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A peer that stops reading cannot hold a server thread forever: a write stuck past the idle timeout is cut. */
class StalledPeerTest {

    static Stream<Model> models() {
        return Model.inProcess().stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void aWriteStuckOnAPeerThatStoppedReadingIsCutAfterTheIdleTimeout(Model model) throws Exception {
        AtomicBoolean writeFailed = new AtomicBoolean();
        StreamHandler flood = connection -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                while (true) {
                    connection.output().write(chunk);
                }
            } catch (java.io.IOException e) {
                writeFailed.set(true);
                throw e;
            }
        };
        ServerConfig config = ServerConfig.builder("flood").model(model)
                .limits(Limits.DEFAULT.withIdleTimeout(Duration.ofMillis(500))).build();
        try (TcpServer server = TcpServer.start(config, flood); Socket stalled = new Socket("127.0.0.1", server.port())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.metrics().snapshot().acceptedTotal() == 1);
            await().atMost(Duration.ofSeconds(10)).untilTrue(writeFailed);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.metrics().openConnections() == 0);
            assertThat(stalled.isClosed()).isFalse();
        }
    }
}
