package dev.weft.services.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;
import dev.weft.tls.Tls;

/**
 * A TLS handshake gets its own limit, shorter than the idle timeout, on every model: a client that sends half a
 * ClientHello, or drips it a byte at a time, once held a connection for the whole 60 s idle timeout (issue 19.3).
 * A refused handshake ends with a TLS alert on every model; the event loop used to close without one.
 */
class TlsHandshakeLimitTest {

    private static final Limits LIMITS = Limits.DEFAULT.withIdleTimeout(Duration.ofSeconds(30))
            .withHandshakeTimeout(Duration.ofMillis(800));
    /** The start of a TLS 1.2 ClientHello record: handshake, version, a length of 200 bytes, then type 1. */
    private static final byte[] CLIENT_HELLO_START = {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01, 0x00, 0x00, (byte) 0xc4, 0x03, 0x03};

    @TempDir
    static Path dir;
    /** One server per model for the class: a TLS worker process takes seconds to start on a shared 2-core machine. */
    private static final Map<String, TcpServer> SERVERS = new HashMap<>();
    private final ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();

    static Stream<Model> models() {
        return Model.all().stream();
    }

    private static synchronized TcpServer server(Model model) throws IOException {
        TcpServer server = SERVERS.get(model.spec());
        if (server == null) {
            server = TcpServer.start(EchoServers.tlsConfig(model, Tls.selfSigned(), dir.resolve(model.spec().replace(':', '-')), LIMITS),
                    Echo.tcp());
            SERVERS.put(model.spec(), server);
        }
        return server;
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(TcpServer::close);
    }

    @AfterEach
    void stopDripping() {
        drip.shutdownNow();
    }

    @ParameterizedTest
    @MethodSource("models")
    void aClientHelloDrippedAByteAtATimeIsCutAtTheHandshakeLimit(Model model) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server(model).port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            int[] next = {0};
            drip.scheduleAtFixedRate(() -> {
                try {
                    out.write(CLIENT_HELLO_START[next[0]++ % CLIENT_HELLO_START.length]);
                } catch (IOException e) {
                    throw new IllegalStateException("the server closed", e);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();

            assertThat(closedByServer(socket.getInputStream())).isTrue();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aMalformedClientHelloIsAnsweredWithATlsAlert(Model model) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server(model).port())) {
            socket.setSoTimeout(10_000);
            // a ClientHello record of 5 bytes whose handshake message claims 1 byte, then ends
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00});

            byte[] record = socket.getInputStream().readNBytes(7);

            assertThat(record).hasSize(7);
            assertThat(record[0]).as("content type: alert").isEqualTo((byte) 0x15);
            assertThat(record[5]).as("level: fatal").isEqualTo((byte) 2);
        }
    }

    /** Reads until the server ends the connection; false if it stays open past the socket timeout. */
    private static boolean closedByServer(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // a handshake never answered: nothing should arrive, an alert may
            }
            return true;
        } catch (SocketException e) {
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }
}
