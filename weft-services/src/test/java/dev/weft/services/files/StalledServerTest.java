package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A files server that stops sending in the middle of a body: the client gives up after its timeout, keeping the part. */
class StalledServerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private ServerSocket server;
    private Thread serving;
    private final CountDownLatch clientDone = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        serving = Thread.ofPlatform().daemon().start(this::answerThenStall);
    }

    @AfterEach
    void stop() throws Exception {
        clientDone.countDown();
        server.close();
        serving.join(5000);
    }

    /** Says hello, announces 100 bytes, sends 10, then holds the connection open and silent until the test ends. */
    private void answerThenStall() {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            Wire.readLine(in); // the hello
            out.write(Wire.line(Wire.VERSION + " upload=off"));
            Wire.readLine(in); // GET name 0
            out.write(Wire.line("OK 100 0"));
            out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            clientDone.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the test closed the server
        }
    }

    @Test
    void aBodyThatStopsArrivingEndsInATimeoutAndTheReceivedPartStaysForTheNextAttempt() throws Exception {
        Path target = dir.resolve("data.bin");
        try (FilesClient client = FilesClient.connect(new Endpoint("127.0.0.1", server.getLocalPort()), null, TIMEOUT)) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> client.get("data.bin", target, TransferListener.NONE))
                    .isInstanceOf(SocketTimeoutException.class).hasMessageContaining("(timed out)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(TIMEOUT, Duration.ofSeconds(5));
        }
        assertThat(target).doesNotExist();
        assertThat(Files.readString(Download.partialFile(target))).isEqualTo("0123456789");
    }
}
