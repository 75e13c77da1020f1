package dev.weft.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Model;
import dev.weft.engine.ServerConfig;

/**
 * A streamed response to a client that does not read blocks the handler's stream instead of piling up in the
 * server, on every in-process model: on the event loop the engine's hand-off bounds what is queued.
 */
class StreamedResponseBackPressureTest {

    private static final long BODY = 64L << 20;

    static Stream<Model> models() {
        return Stream.of(new Model.PerConnectionThread(), new Model.Pool(4), new Model.Virtual(), new Model.EventLoop(1));
    }

    /** {@code length} bytes of 'x', counting how many the server has taken. */
    private static InputStream counted(long length, AtomicLong taken) {
        return new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long left = length - taken.get();
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                taken.addAndGet(n);
                return n;
            }
        };
    }

    @ParameterizedTest
    @MethodSource("models")
    void aStreamToAClientThatDoesNotReadWaitsAndThenArrivesWhole(Model model) throws IOException {
        AtomicLong taken = new AtomicLong();
        HttpHandler big = HttpHandler.nonBlocking(request -> HttpResponse.ok().stream(counted(BODY, taken), BODY));
        ServerConfig config = ServerConfig.builder("HTTP").bind("127.0.0.1", 0).model(model).build();
        try (HttpServer server = HttpServer.start(config, big);
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(RawClient.get("/big").getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(10)).until(() -> taken.get() > 0);
            // the client reads nothing: the stream stops short, with at most the engine's mark and the kernel's
            // buffers taken from it
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).until(() -> taken.get() < BODY);
            assertThat(taken.get()).isLessThan(32L << 20);
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 200").contains("Content-Length: " + BODY);
            long received = 0;
            byte[] buffer = new byte[256 * 1024];
            while (received < BODY) {
                int n = in.read(buffer);
                assertThat(n).isPositive();
                received += n;
            }
            assertThat(received).isEqualTo(BODY);
            assertThat(taken.get()).isEqualTo(BODY);
        }
    }
}
