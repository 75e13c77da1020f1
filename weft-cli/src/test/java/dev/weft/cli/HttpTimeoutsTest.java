package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * weft get against servers that stall: the idle timeout, --max-time, and bodies that end at close streamed as they come.
 * (A plain URL on a TLS port: HttpTlsTrustTest.)
 */
class HttpTimeoutsTest {

    private final ServerSocket listener = listen();
    private final CountDownLatch release = new CountDownLatch(1);

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        listener.close();
    }

    /** Accepts one connection, reads the request head, sends {@code reply}, then holds the connection until released. */
    private void serve(String reply, Duration trickle) {
        Thread.ofVirtual().start(() -> {
            try (Socket socket = listener.accept()) {
                byte[] buffer = new byte[8192];
                socket.getInputStream().read(buffer);
                OutputStream out = socket.getOutputStream();
                out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                while (trickle != null && !release.await(trickle.toMillis(), TimeUnit.MILLISECONDS)) {
                    out.write('.');
                    out.flush();
                }
                release.await();
            } catch (IOException | InterruptedException e) {
                // the client hung up: what the tests want
            }
        });
    }

    private String url() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/";
    }

    private static HttpCommandsTest.Run weft(String... args) {
        return HttpCommandsTest.weft(args);
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheIdleTimeout() {
        serve("", null);
        long start = System.nanoTime();
        HttpCommandsTest.Run run = weft("get", url(), "--idle-timeout", "500ms");
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("weft: no answer from 127.0.0.1 port " + listener.getLocalPort()
                + ": timed out after 0.5 s" + System.lineSeparator());
        assertThat(took).isBetween(400L, 5_000L);
    }

    @Test
    void aBodyThatStopsArrivingFailsWithinTheIdleTimeout() {
        serve("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfirst", null);
        long start = System.nanoTime();
        HttpCommandsTest.Run run = weft("get", url(), "--idle-timeout", "500ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000L);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no data for 0.5 s (timed out) after 5 bytes").hasLineCount(1);
    }

    @Test
    void maxTimeEndsATransferThatKeepsTrickling() {
        serve("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", Duration.ofMillis(50));
        long start = System.nanoTime();
        HttpCommandsTest.Run run = weft("get", url(), "--max-time", "1s", "-o", "-");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(900L, 6_000L);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("timed out after 1 s (--max-time)").hasLineCount(1);
    }

    @Test
    void aBodyThatEndsAtCloseIsPrintedAsItArrives() throws Exception {
        serve("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nfirst line\n", null);
        PipedInputStream seen = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(seen);
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() ->
                Main.run(new ByteWriter(out), new PrintWriter(new StringWriter(), true), "get", url(), "--idle-timeout", "20s"));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            while (seen.available() > 0) {
                got.write(seen.read());
            }
            return got.toString(StandardCharsets.UTF_8).equals("first line\n");
        });
        assertThat(running).isNotDone();
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
    }
}
