package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The echo and time clients against a server that accepts and never answers: exit 1 within --timeout, one line. */
class LineClientTimeoutsTest {

    private final ServerSocket silent = listen();
    private final CountDownLatch done = new CountDownLatch(1);

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() throws IOException {
        done.countDown();
        silent.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo", "time"})
    void aSilentServerEndsTheClientWithinItsTimeout(String service) {
        Thread.ofVirtual().start(() -> {
            try (Socket held = silent.accept()) {
                done.await();
            } catch (IOException | InterruptedException e) {
                // closed by the test
            }
        });
        long start = System.nanoTime();
        StdinCommandRun run = StdinCommandRun.withInput("hello\n", service, "client", "127.0.0.1",
                Integer.toString(silent.getLocalPort()), "--timeout", "500ms");
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString().startsWith("weft: ").contains("timed out")
                .doesNotContain("Exception");
        assertThat(took).isBetween(400L, 5_000L);
    }
}
