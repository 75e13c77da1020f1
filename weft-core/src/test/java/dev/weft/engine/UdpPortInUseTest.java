package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.awaitility.Awaitility.await;

/**
 * A second UDP server on a busy port is refused with the TCP servers' message, under every in-process model (the
 * processes model's workers share their port on purpose). Before, SO_REUSEADDR let it start and take datagrams.
 */
class UdpPortInUseTest {

    static java.util.List<Model> models() {
        return Model.inProcess();
    }

    @ParameterizedTest
    @MethodSource("models")
    void aSecondServerOnABusyPortIsRefusedAndTheFirstKeepsEveryDatagram(Model model) throws Exception {
        AtomicInteger first = new AtomicInteger();
        try (UdpServer server = UdpServer.start(ServerConfig.builder("one").bind("127.0.0.1", 0).model(model).build(),
                (d, s) -> first.incrementAndGet())) {
            ServerConfig second = ServerConfig.builder("two").bind("127.0.0.1", server.port()).model(model).build();
            assertThatThrownBy(() -> UdpServer.start(second, (d, s) -> { }))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1 port " + server.port() + ": ")
                    .hasMessageContaining("in use");
            try (DatagramSocket client = new DatagramSocket()) {
                InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
                for (int i = 0; i < 20; i++) {
                    client.send(new DatagramPacket(new byte[] {1}, 1, to));
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> first.get() == 20);
        }
    }
}
