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

/**
 * The echo and time clients against servers they cannot talk to: one that accepts and never answers (exit 1 within
 * --timeout), and a TLS port (exit 1 saying so, instead of printing the TLS alert's bytes as a reply).
 */
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

    @org.junit.jupiter.api.Test
    void aPlainClientOnATlsPortSaysSoInOneLine() throws Exception {
        dev.weft.tls.Tls tls = dev.weft.tls.Tls.selfSigned();
        try (dev.weft.engine.TcpServer server = dev.weft.engine.TcpServer.start(dev.weft.engine.ServerConfig.builder("echo")
                .bind("127.0.0.1", 0).tls(tls.serverContext()).build(), dev.weft.services.echo.Echo.tcp())) {
            StdinCommandRun run = StdinCommandRun.withInput("hello\n", "echo", "client", "127.0.0.1",
                    Integer.toString(server.port()), "--timeout", "5s");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("weft: 127.0.0.1 port " + server.port()
                    + " answered in TLS: it is a TLS port, and this client speaks plain text (add --tls)" + System.lineSeparator());
            assertThat(run.out()).isEmpty();
        }
    }
}
