package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Transport.write's contract: the caller may reuse its buffer as soon as write returns, from any thread. */
class TransportWriteTest {

    static Stream<Model> models() {
        return Model.inProcess().stream();
    }

    @ParameterizedTest
    @MethodSource("models")
    void aBufferReusedRightAfterAWriteFromAnotherThreadIsSentAsItWas(Model model) throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        ProtocolFactory reuser = () -> new Protocol() {
            @Override
            public void connectionMade(Transport transport) {
                Thread.ofVirtual().start(() -> {
                    ByteBuffer buffer = ByteBuffer.allocate(1000);
                    for (char c = 'a'; c <= 'j'; c++) {
                        Arrays.fill(buffer.array(), (byte) c);
                        buffer.clear();
                        transport.write(buffer);
                    }
                    written.countDown();
                    transport.close();
                });
            }

            @Override
            public void dataReceived(ByteBuffer data) {
            }
        };
        try (TcpServer server = TcpServer.start(ServerConfig.builder("reuse").model(model).build(), reuser);
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            assertThat(written.await(5, TimeUnit.SECONDS)).isTrue();
            InputStream in = socket.getInputStream();
            String received = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            StringBuilder expected = new StringBuilder();
            for (char c = 'a'; c <= 'j'; c++) {
                expected.append(String.valueOf(c).repeat(1000));
            }
            assertThat(received).isEqualTo(expected.toString());
        }
    }
}
