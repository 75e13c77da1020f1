package dev.weft.services.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.weft.engine.Limits;
import dev.weft.engine.Model;
import dev.weft.engine.TcpServer;
import dev.weft.engine.UdpServer;
import dev.weft.tls.Tls;

/** The echo service on the engine under every concurrency model, over TCP, UDP, IPv4, IPv6 and TLS. */
class EchoServiceTest {

    static Stream<Model> models() {
        return Model.all().stream();
    }

    static Stream<Model> inProcessModels() {
        return Model.inProcess().stream();
    }

    static Stream<Arguments> modelsAndFamilies() {
        return Model.all().stream().flatMap(m -> Stream.of(Arguments.of(m, "127.0.0.1"), Arguments.of(m, "::1")));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("modelsAndFamilies")
    void tcpEchoesEveryLineOfFiveHundredConcurrentClients(Model model, String host) throws Exception {
        try (TcpServer server = EchoServers.tcp(model, host);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < 500; c++) {
                int client = c;
                results.add(clients.submit(() -> exchangeLines(server.address(), client, 100)));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(100);
            }
            assertThat(server.metrics().snapshot().errors()).isZero();
        }
    }

    private static int exchangeLines(InetSocketAddress address, int client, int lines) throws Exception {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(30_000);
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int ok = 0;
            for (int i = 0; i < lines; i++) {
                String line = "client " + client + " line " + i + " 你好";
                out.println(line);
                if (line.equals(in.readLine())) {
                    ok++;
                }
            }
            return ok;
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("modelsAndFamilies")
    void udpReturnsEachDatagramToItsSender(Model model, String host) throws Exception {
        try (UdpServer server = EchoServers.udp(model, host); DatagramSocket socket = new DatagramSocket(0, java.net.InetAddress.getByName(host))) {
            socket.setSoTimeout(5_000);
            for (int i = 0; i < 50; i++) {
                byte[] data = ("datagram " + i).getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(data, data.length, new InetSocketAddress(host, server.port())));
                DatagramPacket reply = new DatagramPacket(new byte[100], 100);
                socket.receive(reply);
                assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8)).isEqualTo("datagram " + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void tlsEchoWorksForAClientThatTrustsTheCertificate(Model model, @TempDir Path dir) throws Exception {
        Tls identity = Tls.selfSigned();
        try (TcpServer server = TcpServer.start(EchoServers.tlsConfig(model, identity, dir), Echo.tcp())) {
            try (SSLSocket socket = connectTls(identity.trustingClientContext(), server)) {
                OutputStream out = socket.getOutputStream();
                out.write("secret line\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                assertThat(in.readLine()).isEqualTo("secret line");
                byte[] big = new byte[300_000];
                java.util.Arrays.fill(big, (byte) 'x');
                out.write(big);
                out.flush();
                byte[] back = socket.getInputStream().readNBytes(big.length);
                assertThat(back).isEqualTo(big);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void tlsFailsCleanlyForAClientThatDoesNotTrustTheCertificate(Model model, @TempDir Path dir) throws Exception {
        Tls identity = Tls.selfSigned();
        SSLContext stranger = Tls.selfSigned().trustingClientContext();
        try (TcpServer server = TcpServer.start(EchoServers.tlsConfig(model, identity, dir), Echo.tcp())) {
            assertThatThrownBy(() -> {
                try (SSLSocket socket = connectTls(stranger, server)) {
                    socket.startHandshake();
                }
            }).isInstanceOf(SSLException.class);
            try (SSLSocket socket = connectTls(identity.trustingClientContext(), server)) {
                socket.getOutputStream().write("after\n".getBytes(StandardCharsets.UTF_8));
                assertThat(new BufferedReader(new InputStreamReader(socket.getInputStream())).readLine()).isEqualTo("after");
            }
        }
    }

    private static SSLSocket connectTls(SSLContext context, TcpServer server) throws Exception {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    // Worker processes take their limits from their own command line (the CLI passes them on), so the
    // limit tests run on the in-process models.
    @ParameterizedTest
    @MethodSource("inProcessModels")
    void aClientThatSendsNothingIsTimedOut(Model model) throws Exception {
        Limits limits = Limits.DEFAULT.withIdleTimeout(Duration.ofMillis(300));
        try (TcpServer server = TcpServer.start(EchoServers.config(model, "127.0.0.1", limits, "tcp"), Echo.tcp());
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            long start = System.nanoTime();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @ParameterizedTest
    @MethodSource("inProcessModels")
    void connectionsBeyondTheLimitAreClosed(Model model) throws Exception {
        Limits limits = Limits.DEFAULT.withMaxConnections(2);
        try (TcpServer server = TcpServer.start(EchoServers.config(model, "127.0.0.1", limits, "tcp"), Echo.tcp());
             Socket first = new Socket("127.0.0.1", server.port());
             Socket second = new Socket("127.0.0.1", server.port())) {
            assertThat(exchangeOne(first)).isEqualTo("hi");
            assertThat(exchangeOne(second)).isEqualTo("hi");
            try (Socket third = new Socket("127.0.0.1", server.port())) {
                third.setSoTimeout(5_000);
                assertThat(third.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(server.metrics().snapshot().rejectedTotal()).isEqualTo(1);
            first.close();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> server.metrics().openConnections() < 2);
            try (Socket fourth = new Socket("127.0.0.1", server.port())) {
                assertThat(exchangeOne(fourth)).isEqualTo("hi");
            }
        }
    }

    private static String exchangeOne(Socket socket) throws Exception {
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write("hi\n".getBytes(StandardCharsets.UTF_8));
        return new BufferedReader(new InputStreamReader(socket.getInputStream())).readLine();
    }
}
