package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.http.HttpServer;

/**
 * A graceful close lets a download in flight finish within the grace period under every model. Under processes the
 * supervisor's close once cut it in about 0.3 s: each worker was closed twice (SIGTERM hook and stdin watchdog) and the
 * hook that came second returned at once, so the worker's JVM exited mid-drain (issue 19.2).
 */
class ShutdownDrainTest {

    private static final int SIZE = 64 << 20;

    @TempDir
    Path root;

    static Stream<Model> models() {
        return Model.all().stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void aDownloadInFlightFinishesAfterTheServerIsAskedToStop(Model model) throws Exception {
        try (RandomAccessFile big = new RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
            big.setLength(SIZE);
        }
        HttpServer server = FileServers.start(model, root, false);
        Thread closing = null;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            skipHead(in);

            closing = Thread.ofPlatform().start(server::close);
            await().atMost(Duration.ofSeconds(5)).until(() -> refuses(server.port()));

            assertThat(in.readNBytes(SIZE)).hasSize(SIZE);
        } finally {
            if (closing != null) {
                closing.join();
            }
            server.close();
        }
    }

    /** Reads up to and including the blank line that ends the response head. */
    private static void skipHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("no response head");
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    private static boolean refuses(int port) {
        try (Socket probe = new Socket("127.0.0.1", port)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
