package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.tls.Tls;

/**
 * {@link Transport#handOff}: a protocol moves its connection to a blocking handler, with the bytes it did not take,
 * under the engine's back-pressure, timeouts, draining and metrics, on every in-process model.
 */
class HandOffTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    static Stream<Model> models() {
        return Model.inProcess().stream();
    }

    /** Takes the first {@code take} bytes itself, then hands the connection (and the rest of the buffer) off. */
    private static ProtocolFactory takingThenHandingOff(int take, StreamHandler next) {
        return () -> new Protocol() {
            private Transport transport;
            private int taken;

            @Override
            public void connectionMade(Transport transport) {
                this.transport = transport;
                if (take == 0) {
                    transport.handOff(next);
                }
            }

            @Override
            public void dataReceived(ByteBuffer data) {
                while (taken < take && data.hasRemaining()) {
                    data.get();
                    taken++;
                }
                if (taken == take) {
                    transport.handOff(next);
                }
            }
        };
    }

    private static TcpServer start(Model model, ProtocolFactory factory) throws IOException {
        return TcpServer.start(ServerConfig.builder("hand-off").model(model).build(), factory);
    }

    private static Socket connect(TcpServer server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Reads lines until "end", then writes back everything read and returns. */
    private static final StreamHandler ECHO_UNTIL_END = connection -> {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        InputStream in = connection.input();
        int b;
        while ((b = in.read()) >= 0) {
            seen.write(b);
            if (seen.toString(StandardCharsets.US_ASCII).endsWith("end\n")) {
                break;
            }
        }
        connection.output().write(seen.toByteArray());
    };

    @ParameterizedTest
    @MethodSource("models")
    void bytesTheProtocolLeftArriveFirstAndInOrder(Model model) throws Exception {
        try (TcpServer server = start(model, takingThenHandingOff(6, ECHO_UNTIL_END));
             Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write("HELLO first\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            out.write("second\nend\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("first\nsecond\nend\n");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aHandlerThatDoesNotReadStopsTheEngineReadingSoMemoryStaysBounded(Model model) throws Exception {
        CountDownLatch readNow = new CountDownLatch(1);
        AtomicReference<Connection> handed = new AtomicReference<>();
        StreamHandler slow = connection -> {
            handed.set(connection);
            try {
                readNow.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            MessageDigest digest = sha256();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = connection.input().read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
            connection.output().write(digest.digest());
        };
        byte[] upload = new byte[64 << 20];
        new java.util.Random(7).nextBytes(upload);
        try (TcpServer server = start(model, takingThenHandingOff(0, slow)); Socket socket = connect(server)) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    socket.getOutputStream().write(upload);
                    socket.shutdownOutput();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            await().atMost(WAIT).until(() -> handed.get() != null);
            Connection connection = handed.get();
            // the engine (or the kernel) holds what the handler has not read; past the mark, reading stops
            long bound = model instanceof Model.EventLoop ? ChannelSession.HIGH_WATER + (64 << 10) : 32 << 20;
            await().atMost(WAIT).until(() -> connection.input().available() > 0);
            await().during(Duration.ofMillis(500)).atMost(WAIT)
                    .until(() -> !sending.isDone() && connection.input().available() <= bound);
            readNow.countDown();
            sending.get(30, TimeUnit.SECONDS);
            assertThat(socket.getInputStream().readAllBytes()).isEqualTo(sha256().digest(upload));
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aWriterBlocksWhileThePeerDoesNotReadAndGoesOnWhenItDoes(Model model) throws Exception {
        AtomicLong written = new AtomicLong();
        long total = 64L << 20;
        StreamHandler flood = connection -> {
            byte[] chunk = new byte[16 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            while (written.get() < total) {
                connection.output().write(chunk);
                written.addAndGet(chunk.length);
            }
        };
        try (TcpServer server = start(model, takingThenHandingOff(0, flood)); Socket socket = connect(server)) {
            await().atMost(WAIT).until(() -> written.get() > 0);
            // the peer reads nothing: the writer stops short of the total, with at most the high-water mark
            // (plus the kernel's buffers) taken from it
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> written.get() < total);
            long stuck = written.get();
            assertThat(stuck).isLessThan(32L << 20);
            byte[] buffer = new byte[256 * 1024];
            long received = 0;
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received += n;
            }
            assertThat(received).isEqualTo(total);
            assertThat(written.get()).isEqualTo(total);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aReadThatWaitsLongerThanTheReadTimeoutThrows(Model model) throws Exception {
        StreamHandler waiting = connection -> {
            connection.readTimeout(Duration.ofMillis(200));
            try {
                connection.input().read();
                connection.output().write("read\n".getBytes(StandardCharsets.US_ASCII));
            } catch (SocketTimeoutException e) {
                connection.output().write("timed out\n".getBytes(StandardCharsets.US_ASCII));
            }
        };
        try (TcpServer server = start(model, takingThenHandingOff(0, waiting)); Socket socket = connect(server)) {
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("timed out\n");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void closingTheServerWakesAHandedOffReaderWithinTheGrace(Model model) throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        StreamHandler reader = connection -> {
            reading.countDown();
            int b = connection.input().read();
            connection.output().write(("read " + b + ", draining " + connection.draining() + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
        };
        TcpServer server = start(model, takingThenHandingOff(0, reader));
        try (Socket socket = connect(server)) {
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Limits.DEFAULT.shutdownGrace());
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("read -1, draining true\n");
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aTlsConnectionHandsOffWithItsDecryptedBytes(Model model) throws Exception {
        Tls identity = Tls.selfSigned();
        ServerConfig config = ServerConfig.builder("hand-off").model(model).tls(identity.serverContext()).build();
        byte[] big = new byte[300_000];
        java.util.Arrays.fill(big, (byte) 'y');
        StreamHandler echo = connection -> {
            assertThat(connection.isSecure()).isTrue();
            connection.input().transferTo(connection.output());
        };
        try (TcpServer server = TcpServer.start(config, takingThenHandingOff(3, echo));
             SSLSocket socket = (SSLSocket) identity.trustingClientContext().getSocketFactory()
                     .createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> {
                try {
                    return socket.getInputStream().readNBytes(4 + big.length);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            OutputStream out = socket.getOutputStream();
            out.write("ABCtail".getBytes(StandardCharsets.US_ASCII));
            out.write(big);
            out.flush();
            byte[] expected = new byte[4 + big.length];
            System.arraycopy("tail".getBytes(StandardCharsets.US_ASCII), 0, expected, 0, 4);
            System.arraycopy(big, 0, expected, 4, big.length);
            assertThat(back.get(20, TimeUnit.SECONDS)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aHandedOffConnectionCountsOnceAndItsHandlerAsAWorker(Model model) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        StreamHandler parked = connection -> {
            running.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connection.output().write("done\n".getBytes(StandardCharsets.US_ASCII));
        };
        try (TcpServer server = start(model, takingThenHandingOff(1, parked)); Socket socket = connect(server)) {
            socket.getOutputStream().write('!');
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            ServerMetrics.Snapshot during = server.metrics().snapshot();
            assertThat(during.openConnections()).isEqualTo(1);
            assertThat(during.acceptedTotal()).isEqualTo(1);
            finish.countDown();
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("done\n");
            await().atMost(WAIT).until(() -> server.metrics().snapshot().openConnections() == 0);
            ServerMetrics.Snapshot after = server.metrics().snapshot();
            assertThat(after.acceptedTotal()).isEqualTo(1);
            if (!(model instanceof Model.Pool)) { // a pool counts its threads, which stay after the task
                assertThat(during.workers()).isGreaterThan(after.workers());
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
