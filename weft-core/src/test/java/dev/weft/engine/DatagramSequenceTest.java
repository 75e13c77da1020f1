package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatagramSequenceTest {

    static java.util.List<Model> models() {
        return Model.inProcess();
    }

    @ParameterizedTest
    @MethodSource("models")
    void datagramsAreNumberedInTheOrderTheSocketReadThem(Model model) throws Exception {
        Map<Long, String> bySequence = new ConcurrentHashMap<>();
        ServerConfig config = ServerConfig.builder("sequence").model(model).build();
        try (UdpServer server = UdpServer.start(config, (d, s) -> bySequence.put(d.sequence(), new String(d.data())));
             DatagramSocket client = new DatagramSocket()) {
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            for (int i = 0; i < 200; i++) {
                byte[] data = Integer.toString(i).getBytes();
                client.send(new DatagramPacket(data, data.length, to));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> bySequence.size() == 200);
        }
        assertThat(bySequence).isEqualTo(LongStream.range(0, 200).boxed()
                .collect(Collectors.toMap(i -> i, i -> Long.toString(i))));
    }
}
