package dev.weft.services.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.weft.services.line.LineClient;

class ConnectionInputTest {

    private ServerSocket server;
    private Socket client;
    private Socket served;

    @BeforeEach
    void connect() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = LineClient.connect("127.0.0.1", server.getLocalPort(), LineClient.Family.ANY, Duration.ofSeconds(10));
        served = server.accept();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        served.close();
        server.close();
    }

    @Test
    void aPlainSocketIsReadThroughItsChannel() {
        assertThat(client.getChannel()).isNotNull();
    }

    @Test
    void aLineThenTheBodyComeOutWholeAndInOrder() throws Exception {
        byte[] body = new byte[300_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        try (OutputStream out = served.getOutputStream()) {
            out.write("OK 300000 0\n".getBytes(StandardCharsets.US_ASCII));
            out.write(body);
        }
        try (ConnectionInput in = ConnectionInput.of(client, Duration.ofSeconds(10))) {
            assertThat(Wire.readLine(in)).isEqualTo("OK 300000 0");
            ByteBuffer received = ByteBuffer.allocateDirect(body.length + 1);
            while (in.read(received) >= 0) {
                // until the server closes
            }
            byte[] got = new byte[received.flip().remaining()];
            received.get(got);
            assertThat(got).isEqualTo(body);
        }
    }

    @Test
    void aSilentServerEndsTheReadWithATimeoutNotAHang() throws Exception {
        try (ConnectionInput in = ConnectionInput.of(client, Duration.ofMillis(200))) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> in.read(ByteBuffer.allocateDirect(1024)))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("no data from 127.0.0.1:" + server.getLocalPort() + " for 200 ms (timed out)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
        }
    }

    @Test
    void aTimeoutLeavesTheReadingThreadUninterrupted() throws Exception {
        try (ConnectionInput in = ConnectionInput.of(client, Duration.ofMillis(100))) {
            assertThatThrownBy(() -> in.read()).isInstanceOf(SocketTimeoutException.class);

            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void aLongerTimeoutAppliesFromTheNextRead() throws Exception {
        try (ConnectionInput in = ConnectionInput.of(client, Duration.ofMillis(100))) {
            in.timeout(Duration.ofMillis(400));
            long start = System.nanoTime();

            assertThatThrownBy(() -> in.read()).hasMessageContaining("for 400 ms (timed out)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }
}
